package dev.tracelane.tracking.ingest;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.StoredEvents;
import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.SocketClient;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults in PostgreSQL under load: nothing is acked that is not stored, and ingestion resumes by itself.
 * The database is taken away by terminating the service's connections and, for an outage, by refusing new
 * ones ({@code ALLOW_CONNECTIONS false}); both are undone in finally blocks.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriterFaultTest implements TestDatabase {
    private static final String ADMIN_URL = "jdbc:postgresql://" + SERVER + "/postgres";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DataSource dataSource;
    @Inject
    JsonMapper json;
    @Inject
    EventWriter writer;

    private String trackerId;
    private String token;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.super.getProperties());
        properties.put("datasources.default.connection-timeout", "1000");
        return properties;
    }

    /** Retried: right after the other test's kills, the pool may still hand out a dead connection once. */
    @BeforeEach
    void registerTracker() {
        for (int attempt = 1; ; attempt++) {
            try {
                Api.Tracker tracker = new Api(client.toBlocking()).newTracker();
                trackerId = tracker.id();
                token = tracker.token();
                return;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
                pause(200);
            }
        }
    }

    @Test
    void killingTheWritersConnectionsMidStreamLosesNothingAcked() throws Exception {
        int total = 3000;
        AtomicBoolean killing = new AtomicBoolean(true);
        AtomicInteger kills = new AtomicInteger();
        long stopKillingAt = System.currentTimeMillis() + 5_000;
        Thread killer = new Thread(() -> {
            while (killing.get() && System.currentTimeMillis() < stopKillingAt) {
                kills.addAndGet(terminateServiceConnections());
                pause(250);
            }
        });
        Set<String> acked;
        killer.start();
        try {
            acked = streamUntilAllAcked(total, 60_000);
        } finally {
            killing.set(false);
            killer.join();
        }
        assertThat(kills.get()).as("connections terminated mid-stream").isPositive();
        assertThat(acked).hasSize(total);
        assertThat(storedIds()).as("every acked id is stored, once").hasSize(total).containsAll(acked);
    }

    @Test
    void duringAnOutageNothingIsAckedHttpAnswers503AndIngestionResumesByItself() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            try {
                setConnectionsAllowed(false);
                terminateServiceConnections();
                tracker.send(event("during-1", Instant.parse("2026-11-20T09:00:00Z")));
                assertThat(waitUntil(writer::isDatabaseFailing, 15_000)).as("writer notices the outage").isTrue();
                tracker.send(event("during-2", Instant.parse("2026-11-20T09:00:01Z")));
                List<String> frames = tracker.readFor(2_000);
                assertThat(frames).noneMatch(f -> f.contains("\"ack\""))
                        .anyMatch(f -> f.contains("during-2") && f.contains("unavailable"));
                assertThat(osmAnd()).isEqualTo(503);
            } finally {
                setConnectionsAllowed(true);
            }
            // the event queued before the outage was noticed commits once the database is back
            assertThat(waitUntil(() -> !writer.isDatabaseFailing(), 20_000)).isTrue();
            tracker.send(event("after-1", Instant.parse("2026-11-20T09:00:02Z")));
            List<String> frames = tracker.readUntil(read -> String.join("\n", read).contains("after-1"), 10_000);
            assertThat(String.join("\n", frames)).contains("after-1");
            assertThat(osmAnd()).isEqualTo(200);
            assertThat(storedIds()).contains("after-1").doesNotContain("during-2");
        }
    }

    /** Acts as a tracker with a store-and-forward buffer: resends until each event is acked. */
    private Set<String> streamUntilAllAcked(int total, long timeoutMs) throws Exception {
        Map<String, String> pending = new LinkedHashMap<>();
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < total; i++) {
            pending.put("e-" + i, event("e-" + i, start.plusSeconds(i)));
        }
        Set<String> acked = new HashSet<>();
        long deadline = System.currentTimeMillis() + timeoutMs;
        SocketClient tracker = null;
        try {
            while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
                if (tracker == null && (tracker = connectOrNull()) == null) {
                    continue; // the handshake's token check hit a terminated connection: 503, retry like a device
                }
                List<String> batch = new ArrayList<>(pending.values()).subList(0, Math.min(20, pending.size()));
                tracker.send("[" + String.join(",", batch) + "]");
                if (!readAnswers(tracker, batch.size(), pending, acked)) {
                    tracker.close();
                    tracker = null;
                }
            }
        } finally {
            if (tracker != null) {
                tracker.close();
            }
        }
        return acked;
    }

    /** @return false when the socket went quiet and should be replaced */
    private boolean readAnswers(SocketClient tracker, int expected, Map<String, String> pending, Set<String> acked)
            throws Exception {
        for (int answered = 0; answered < expected; ) {
            String frame = tracker.next(5_000);
            if (frame == null) {
                return false;
            }
            Map<String, Object> message = json.readValue(frame, Argument.mapOf(String.class, Object.class));
            if ("ack".equals(message.get("type"))) {
                @SuppressWarnings("unchecked")
                List<String> ids = (List<String>) message.get("ids");
                ids.forEach(pending::remove);
                acked.addAll(ids);
                answered += ids.size();
            } else {
                answered++;
            }
        }
        return true;
    }

    private SocketClient connectOrNull() {
        try {
            return SocketClient.tracker(server.getPort(), token);
        } catch (RuntimeException e) {
            pause(50);
            return null;
        }
    }

    @Test
    void aValuePostgresqlRefusesCostsOnlyItsOwnSubmissionAndIngestionGoesOn() throws Exception {
        Instant ts = Instant.now().minusSeconds(60);
        var before = writer.submit(List.of(reading("before", ts)));
        var refused = writer.submit(List.of(new TrackingEvent(trackerId, "refused", ts.plusSeconds(1), 41.8, -87.6,
                null, null, null, null, null, null, null, "door\0open")));
        var after = writer.submit(List.of(reading("after", ts.plusSeconds(2))));
        assertThat(before.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(after.get(10, TimeUnit.SECONDS)).isNotNull();
        // two writer threads: the refused submission may still be split off and failed after the others commit
        assertThat(refused).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(RejectedEventException.class,
                        e -> assertThat(e.code()).isEqualTo("unstorable"));
        assertThat(writer.isDatabaseFailing()).isFalse();
        assertThat(storedIds()).containsExactlyInAnyOrder("before", "after");
    }

    private TrackingEvent reading(String id, Instant ts) {
        return new TrackingEvent(trackerId, id, ts, 41.8, -87.6, null, null, null, null, null, null, null, null);
    }

    private String event(String id, Instant ts) {
        return "{\"id\":\"" + id + "\",\"ts\":\"" + ts + "\",\"lat\":41.8,\"lon\":-87.6}";
    }

    private int osmAnd() throws Exception {
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + "/ingest/osmand?timestamp="
                                + System.currentTimeMillis() + "&lat=41&lon=-87&token=" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private Set<String> storedIds() throws Exception {
        List<String> all = new StoredEvents(dataSource, trackerId).clientIds();
        Set<String> ids = new HashSet<>(all);
        assertThat(all).as("no event stored twice").hasSameSizeAs(ids);
        return ids;
    }

    private static int terminateServiceConnections() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname = '" + NAME + "' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setConnectionsAllowed(boolean allowed) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + NAME + " ALLOW_CONNECTIONS " + allowed);
        }
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause(50);
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

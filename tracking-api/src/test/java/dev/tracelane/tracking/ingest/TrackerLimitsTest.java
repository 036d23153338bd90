package dev.tracelane.tracking.ingest;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.SocketClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-connection limits, set low here: a flooding tracker is slowed, then cut off; others carry on. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackerLimitsTest implements TestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    private Api api;
    private String token;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.super.getProperties());
        properties.put("tracelane.ingest.max-batch", "50");
        properties.put("tracelane.ingest.events-per-second", "100");
        properties.put("tracelane.ingest.burst-events", "100");
        properties.put("tracelane.ingest.error-budget", "3");
        return properties;
    }

    @BeforeEach
    void registerTracker() {
        api = new Api(client.toBlocking());
        token = api.newTracker().token();
    }

    @Test
    void aBatchOverTheLimitIsRefusedAsAWhole() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send(batch(0, 51));
            assertThat(tracker.next()).contains("\"batch_too_large\"");
        }
    }

    @Test
    void eventsBeyondTheRateAreRefusedAsRateLimitedAndTheRestAcked() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send(batch(0, 50));
            tracker.send(batch(50, 50));
            tracker.send(batch(100, 50));
            List<String> frames = tracker.readUntil(all -> all.stream().anyMatch(f -> f.contains("\"ack\""))
                    && all.stream().anyMatch(f -> f.contains("\"rate_limited\"")), 10_000);
            assertThat(frames).anyMatch(f -> f.contains("\"rate_limited\""));
            assertThat(frames).anyMatch(f -> f.contains("\"ack\""));
        }
    }

    @Test
    void aFloodingTrackerIsClosedWith1008WhileAnotherKeepsBeingServed() throws Exception {
        String otherToken = api.newTracker().token();
        try (SocketClient flooder = SocketClient.tracker(server.getPort(), token);
             SocketClient other = SocketClient.tracker(server.getPort(), otherToken)) {
            for (int i = 0; i < 10 && !flooder.isClosed(); i++) {
                try {
                    flooder.send(batch(i * 50, 50));
                } catch (CompletionException e) {
                    break; // closed by the server mid-flood: what this test waits for
                }
                // it waits for the answers, as trackers do, and stops once told it is cut off: a frame still
                // unread when the server closes makes the server's kernel reset the connection, and the reset can
                // overtake the close frame
                if (flooder.readFor(100).stream().anyMatch(f -> f.contains("error_budget_spent"))) {
                    break;
                }
            }
            assertThat(flooder.closeCode(10_000)).isEqualTo(1008);
            other.send(batch(0, 1));
            assertThat(other.next()).contains("\"ack\"");
        }
    }

    private static String batch(int from, int count) {
        List<String> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add("{\"id\":\"e-" + i + "\",\"ts\":" + (1795428900000L + i) + ",\"lat\":1,\"lon\":2}");
        }
        return "[" + String.join(",", events) + "]";
    }
}

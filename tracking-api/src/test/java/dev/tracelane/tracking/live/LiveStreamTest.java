package dev.tracelane.tracking.live;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.context.ApplicationContext;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /ws/live} and its SSE twin against real sockets, a real writer and PostgreSQL LISTEN/NOTIFY. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveStreamTest implements TestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    LiveOutbox outbox;

    private Api api;
    private String carrier;
    private String trackerToken;
    private String reference;
    private String coordinator;
    private Instant clock = Instant.parse("2026-11-20T06:00:00Z");

    @BeforeEach
    void shipmentWithTracker() {
        api = new Api(client.toBlocking());
        Api.TrackedShipment shipment = api.trackedShipment();
        carrier = shipment.carrier();
        trackerToken = shipment.trackerToken();
        reference = shipment.reference();
        coordinator = shipment.coordinatorToken();
    }

    @Test
    void aDashboardClosingIsAnsweredWithItsOwnCloseCode() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            subscribe(live, "shipment:" + reference, null);
            assertThat(live.closeAndAwaitAnswer(1000, 5_000)).isEqualTo(1000);
        }
    }

    @Test
    void aShipmentSubscriberGetsEachNewPositionWithRisingSeq() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            long start = subscribe(live, "shipment:" + reference, null);
            report(3);
            for (int i = 1; i <= 3; i++) {
                Map<String, Object> update = next(live);
                assertThat(update).containsEntry("type", "update").containsEntry("topic", "shipment:" + reference)
                        .containsEntry("seq", (int) start + i).containsEntry("kind", "position");
                assertThat(data(update)).containsKeys("ref", "lat", "lon", "ts").doesNotContainKey("status");
            }
        }
    }

    @Test
    void anUnsubscribeIsConfirmedAndEndsTheTopicsUpdatesAndAnUnknownTopicIsNotFound() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            subscribe(live, "shipment:" + reference, null);
            subscribe(live, "fleet", null);
            live.send("{\"type\":\"unsubscribe\",\"topics\":[\"shipment:" + reference + "\",\"shipment:NO-SUCH\"]}");
            assertThat(next(live)).containsEntry("type", "unsubscribed").containsEntry("topic", "shipment:" + reference);
            assertThat(next(live)).containsEntry("type", "error").containsEntry("code", "not_found");
            report(1);
            // a shipment update goes out at once, fleet's batch within 250 ms: the batch comes first only if
            // the shipment's topic is no longer followed
            assertThat(next(live)).containsEntry("topic", "fleet");
        }
    }

    @Test
    void aStatusChangeArrivesAsItsOwnMinimalUpdate() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            subscribe(live, "shipment:" + reference, null);
            try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
                tracker.send("{\"ts\":\"2026-11-20T09:00:00Z\",\"lat\":42.4,\"lon\":-87.8}");
                tracker.next();
            }
            List<Map<String, Object>> updates = List.of(next(live), next(live));
            assertThat(updates).anySatisfy(u -> assertThat(data(u))
                    .containsOnlyKeys("ref", "status", "at").containsEntry("status", "in_transit"));
        }
    }

    @Test
    void aSubscriberResumingWithSinceGetsEveryMissedUpdateInOrder() throws Exception {
        long since;
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            since = subscribe(live, "shipment:" + reference, null);
        }
        report(500);
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            subscribe(live, "shipment:" + reference, since);
            List<Integer> seqs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                seqs.add((Integer) next(live).get("seq"));
            }
            assertThat(seqs).first().isEqualTo((int) since + 1);
            assertThat(seqs).isSorted().doesNotHaveDuplicates().last().isEqualTo((int) since + 500);
        }
    }

    @Test
    void resumingFromBeforeTheKeptHistoryAsksForAResync() throws Exception {
        report(2);
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            subscribe(live, "shipment:" + reference, 999_999L);
            assertThat(next(live)).containsEntry("type", "resync").containsEntry("topic", "shipment:" + reference);
        }
    }

    @Test
    void aCarrierOnTheFleetTopicNeverSeesAnotherCarriersShipment() throws Exception {
        String otherCarrier = api.org("carrier");
        String otherTracker = Api.unique("trk");
        String otherToken = api.tracker(otherTracker, otherCarrier);
        String otherRef = (String) api.shipment(api.org("shipper"), otherCarrier, otherTracker, Map.of())
                .get("reference");
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            subscribe(live, "fleet", null);
            report(otherToken, 1);
            report(1);
            String frame = live.next();
            assertThat(frame).contains("\"batch\"").contains(reference).doesNotContain(otherRef);
            assertThat(live.next(1_000)).isNull();
        }
    }

    @Test
    void aFleetDashboardResumingWithSinceGetsEveryMissedUpdateInOrder() throws Exception {
        long since;
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            since = subscribe(live, "fleet", null);
        }
        report(20);
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            subscribe(live, "fleet", since);
            List<Integer> seqs = new ArrayList<>();
            while (seqs.size() < 20) {
                Map<String, Object> batch = next(live);
                assertThat(batch).containsEntry("type", "batch").containsEntry("topic", "fleet");
                for (Map<String, Object> m : BatchFrames.updates(batch)) {
                    assertThat(m).containsEntry("topic", "fleet").containsEntry("kind", "position");
                    assertThat(data(m)).containsEntry("ref", reference);
                    seqs.add((Integer) m.get("seq"));
                }
            }
            assertThat(seqs).hasSize(20).first().isEqualTo((int) since + 1);
            assertThat(seqs).isSorted().doesNotHaveDuplicates().last().isEqualTo((int) since + 20);
            assertThat(live.next(500)).isNull();
        }
    }

    @Test
    void aTopicHoldingANulCharacterIsABadRequestAndTheSocketStaysOpen() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            live.send("{\"type\":\"subscribe\",\"topics\":[\"shipment:a\\u0000b\"]}");
            assertThat(next(live)).containsEntry("type", "error").containsEntry("code", "bad_request");
            subscribe(live, "shipment:" + reference, null);
        }
    }

    @Test
    void aSubscribeBeyondTheTopicLimitIsRefusedWholeAndTheSocketStaysOpen() throws Exception {
        String topics = IntStream.range(0, 1_001).mapToObj(i -> "\"shipment:X-" + i + "\"")
                .collect(Collectors.joining(","));
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            live.send("{\"type\":\"subscribe\",\"topics\":[" + topics + "]}");
            assertThat(next(live)).containsEntry("code", "too_many_topics");
            subscribe(live, "shipment:" + reference, null);
        }
    }

    @Test
    void anOversizedFrameIsRefusedAndTheSocketStaysOpen() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            live.send("{\"type\":\"subscribe\",\"topics\":[\"" + "x".repeat(70_000) + "\"]}");
            assertThat(next(live)).containsEntry("code", "frame_too_large");
            subscribe(live, "shipment:" + reference, null);
        }
    }

    @Test
    void aSubscribeToNoTopicsIsABadRequest() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            live.send("{\"type\":\"subscribe\",\"topics\":[]}");
            assertThat(next(live)).containsEntry("code", "bad_request");
        }
    }

    @Test
    void aNegativeSinceIsABadRequestThatNamesTheTopic() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            live.send("{\"type\":\"subscribe\",\"topics\":[\"fleet\"],\"since\":{\"fleet\":-5}}");
            assertThat(next(live)).containsEntry("code", "bad_request")
                    .containsEntry("message", "since of fleet must be a whole number, 0 or more");
        }
    }

    @Test
    void serverSentEventsRefuseANegativeSince() throws Exception {
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/stream/fleet?since=-5"))
                .header("Authorization", "Bearer " + coordinator).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("since (or Last-Event-ID) must be 0 or more");
    }

    @Test
    void aCustomerCannotSubscribeToAShipmentOutsideItsClaim() throws Exception {
        String customer = api.user(carrier, List.of("customer"), List.of("SOMETHING-ELSE"));
        try (SocketClient live = SocketClient.live(server.getPort(), customer)) {
            live.send("{\"type\":\"subscribe\",\"topics\":[\"shipment:" + reference + "\"]}");
            assertThat(next(live)).containsEntry("type", "error").containsEntry("code", "not_found");
        }
    }

    @Test
    void anotherInstanceOnTheSameDatabaseDeliversWhatThisOneIngested() throws Exception {
        try (ApplicationContext other = startAnotherInstance()) {
            EmbeddedServer otherServer = other.getBean(EmbeddedServer.class);
            try (SocketClient live = SocketClient.live(otherServer.getPort(), coordinator)) {
                long start = subscribe(live, "shipment:" + reference, null);
                report(1);
                assertThat(next(live)).containsEntry("seq", (int) start + 1);
            }
        }
    }

    @Test
    void theCapacityTopicSendsCountsInScopeAndAgainWhenAStatusChanges() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            assertThat(subscribe(live, "capacity", null)).isZero();
            Map<String, Object> first = next(live);
            assertThat(first).containsEntry("topic", "capacity").containsEntry("seq", 1);
            assertThat(data(first)).containsEntry("planned", 1).containsEntry("in_transit", 0)
                    .containsEntry("openAlerts", 0);
            try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
                tracker.send("{\"ts\":\"2026-11-20T09:00:00Z\",\"lat\":42.4,\"lon\":-87.8}");
                tracker.next();
            }
            Map<String, Object> second = next(live);
            assertThat(second).containsEntry("seq", 2);
            assertThat(data(second)).containsEntry("planned", 0).containsEntry("in_transit", 1)
                    .containsEntry("onTheRoad", 1);
        }
    }

    @Test
    void theCapacityTopicCountsOpenAlertsAndMovesWhenOneOpens() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            subscribe(live, "capacity", null);
            assertThat(data(next(live))).containsEntry("openAlerts", 0);
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO alerts (shipment_id, type, severity, title,"
                         + " evidence, opened_at, updated_at, detected_at) SELECT id, 'tracker_silent', 'warning',"
                         + " 'silent', '{}', now(), now(), now() FROM shipments WHERE reference = ? RETURNING shipment_id")) {
                ps.setString(1, reference);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    outbox.append(c, List.of(new OutboxEntry(Topics.ALERTS, rs.getLong(1), "alert", "{}")));
                }
            }
            assertThat(data(next(live))).containsEntry("openAlerts", 1);
        }
    }

    @Test
    void aSubscriberResumesOnAnotherInstanceAfterThisOneWentAway() throws Exception {
        long since;
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            since = subscribe(live, "shipment:" + reference, null);
        }
        report(20);
        try (ApplicationContext other = startAnotherInstance();
             SocketClient live = SocketClient.live(other.getBean(EmbeddedServer.class).getPort(), coordinator)) {
            subscribe(live, "shipment:" + reference, since);
            for (int i = 1; i <= 20; i++) {
                assertThat(next(live)).containsEntry("seq", (int) since + i);
            }
        }
    }

    @Test
    void serverSentEventsResumeFromLastEventId() throws Exception {
        long since;
        try (SocketClient live = SocketClient.live(server.getPort(), coordinator)) {
            since = subscribe(live, "shipment:" + reference, null);
        }
        report(3);
        HttpResponse<Stream<String>> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/stream/shipment:" + reference))
                .header("Authorization", "Bearer " + coordinator).header("Last-Event-ID", Long.toString(since + 1))
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();
        List<String> ids = new ArrayList<>();
        boolean retry = false;
        while (ids.size() < 2 && lines.hasNext()) {
            String line = lines.next();
            retry |= line.startsWith("retry:");
            if (line.startsWith("id:")) {
                ids.add(line.substring(3).strip());
            }
        }
        response.body().close();
        assertThat(retry).isTrue();
        assertThat(ids).containsExactly(Long.toString(since + 2), Long.toString(since + 3));
    }

    @Test
    void capacityOverServerSentEventsCarriesEachSnapshotsSeqAsItsId() throws Exception {
        HttpResponse<Stream<String>> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/stream/capacity"))
                .header("Authorization", "Bearer " + coordinator).build(), HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = response.body().iterator();
        String id = null;
        String line = "";
        while (!line.contains("openAlerts") && lines.hasNext()) { // past the subscribed frame; id precedes data
            line = lines.next();
            id = line.startsWith("id:") ? line.substring(3).strip() : id;
        }
        response.body().close();
        assertThat(line).contains("\"capacity\"").contains("openAlerts");
        assertThat(id).isEqualTo("1");
    }

    @Test
    void serverSentEventsOfATopicOutOfScopeAreNotFoundNotAnEndlessEmptyStream() throws Exception {
        String stranger = new Api(client.toBlocking()).trackedShipment().reference();
        for (String topic : List.of("shipment:" + stranger, "shipment:SHP-NOPE", "nonsense")) {
            HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/stream/" + topic))
                    .header("Authorization", "Bearer " + coordinator).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(topic).isEqualTo(404);
        }
    }

    /** A second service on the same database, as a second process would be. */
    private static ApplicationContext startAnotherInstance() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.datasource(NAME, false));
        properties.put("micronaut.server.port", -1);
        ApplicationContext context = ApplicationContext.run(properties, "test");
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    /** Subscribes and returns the topic's seq at that moment. */
    private long subscribe(SocketClient live, String topic, Long since) throws Exception {
        live.send("{\"type\":\"subscribe\",\"topics\":[\"" + topic + "\"]"
                + (since == null ? "" : ",\"since\":{\"" + topic + "\":" + since + "}") + "}");
        Map<String, Object> subscribed = next(live);
        assertThat(subscribed).containsEntry("type", "subscribed");
        return ((Number) subscribed.get("seq")).longValue();
    }

    private void report(int events) throws Exception {
        report(trackerToken, events);
    }

    /** Sends positions one per commit along the way out of Chicago, waiting for each ack. */
    private void report(String token, int events) throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            for (int i = 0; i < events; i++) {
                clock = clock.plusSeconds(30);
                tracker.send("{\"ts\":\"" + clock + "\",\"lat\":" + (41.88 + i * 1e-4) + ",\"lon\":-87.63}");
                assertThat(tracker.next()).contains("\"ack\"");
            }
        }
    }

    private Map<String, Object> next(SocketClient live) throws Exception {
        return json.readValue(live.next(), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> update) {
        return (Map<String, Object>) update.get("data");
    }
}

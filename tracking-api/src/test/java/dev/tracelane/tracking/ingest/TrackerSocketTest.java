package dev.tracelane.tracking.ingest;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.StoredEvents;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackerSocketTest implements TestDatabase {
    private static final String TS = "\"ts\":\"2026-11-23T10:15:00Z\"";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DataSource dataSource;
    @Inject
    JsonMapper json;

    private String trackerId;
    private String token;
    private StoredEvents stored;

    @BeforeEach
    void registerTracker() {
        Api.Tracker tracker = new Api(client.toBlocking()).newTracker();
        trackerId = tracker.id();
        token = tracker.token();
        stored = new StoredEvents(dataSource, trackerId);
    }

    @Test
    void anAckComesOnlyOnceTheEventIsCommitted() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send("{\"id\":\"c-1\"," + TS + ",\"lat\":41.8781,\"lon\":-87.6298,\"speed\":22.4}");
            Map<String, Object> ack = frame(tracker.next());
            assertThat(ack).containsEntry("type", "ack").containsEntry("ids", List.of("c-1"));
            assertThat(stored.count("c-1")).isEqualTo(1);
        }
    }

    @Test
    void anAckSaysWhenItsEventsWereCommitted() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            Instant sent = Instant.now();
            tracker.send("{\"id\":\"c-9\"," + TS + ",\"lat\":41.8781,\"lon\":-87.6298}");
            Map<String, Object> ack = frame(tracker.next());
            Instant received = Instant.now();
            assertThat(Instant.parse((String) ack.get("committedAt"))).isBetween(sent, received);
        }
    }

    @Test
    void aDuplicateIsAckedAgainAndStoredOnce() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            String event = "{\"id\":\"c-2\"," + TS + ",\"lat\":41.8781,\"lon\":-87.6298}";
            tracker.send(event);
            assertThat(frame(tracker.next())).containsEntry("ids", List.of("c-2"));
            tracker.send("[" + event + "," + event + "]");
            assertThat(frame(tracker.next())).containsEntry("type", "ack");
            assertThat(stored.count("c-2")).isEqualTo(1);
        }
    }

    @Test
    void anEventWithoutIdIsIdempotentOnItsTimestamp() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send("{" + TS + ",\"temperature\":4.2}");
            assertThat(frame(tracker.next())).containsEntry("ts", List.of("2026-11-23T10:15:00Z"))
                    .containsEntry("ids", List.of()); // always there, as the contract's ack has it
            tracker.send("{\"ts\":1795428900000,\"temperature\":4.2}");
            assertThat(frame(tracker.next())).containsEntry("type", "ack");
            assertThat(stored.count("")).isEqualTo(1);
        }
    }

    @Test
    void aBatchStoresItsGoodEventsAndNamesEachBadOne() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send("[{\"id\":\"g-1\"," + TS + ",\"lat\":1,\"lon\":2},"
                    + "{\"id\":\"b-1\"," + TS + ",\"lat\":91,\"lon\":2},"
                    + "{\"id\":\"g-2\",\"ts\":\"2026-11-23T10:16:00Z\",\"temperature\":5}]");
            Map<String, Object> error = frame(tracker.next());
            assertThat(error).containsEntry("type", "error").containsEntry("id", "b-1")
                    .containsEntry("code", "invalid_lat");
            assertThat(frame(tracker.next())).containsEntry("ids", List.of("g-1", "g-2"));
            assertThat(stored.count("g-1") + stored.count("g-2")).isEqualTo(2);
            assertThat(stored.count("b-1")).isZero();
        }
    }

    @Test
    void eachBadEventOfABatchIsNamedByItsPlaceThereWhenItHasNoId() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send("[{" + TS + ",\"lat\":95,\"lon\":0}, 7, {\"ts\":\"2026-11-23T10:17:00Z\",\"lat\":1,\"lon\":2}]");
            assertThat(frame(tracker.next())).containsEntry("code", "invalid_lat").containsEntry("index", 0);
            assertThat(frame(tracker.next())).containsEntry("code", "not_an_object").containsEntry("index", 1);
            assertThat(frame(tracker.next())).containsEntry("type", "ack").containsEntry("count", 1);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"x\",\"lat\":1,\"lon\":2}                                           | missing_ts",
            "{\"id\":\"x\",\"ts\":\"yesterday\",\"lat\":1,\"lon\":2}                      | invalid_ts",
            "{\"id\":\"x\",\"ts\":\"1999-12-31T23:59:59Z\",\"lat\":1,\"lon\":2}           | invalid_ts",
            "{\"id\":\"x\",\"ts\":\"2099-01-01T00:00:00Z\",\"lat\":1,\"lon\":2}           | ts_in_future",
            "{\"id\":\"x\"," + TS + "}                                                     | missing_position",
            "{\"id\":\"x\"," + TS + ",\"lat\":-90.5,\"lon\":2}                            | invalid_lat",
            "{\"id\":\"x\"," + TS + ",\"lat\":\"41.8\",\"lon\":2}                         | invalid_lat",
            "{\"id\":\"x\"," + TS + ",\"lat\":1,\"lon\":180.5}                            | invalid_lon",
            "{\"id\":\"x\"," + TS + ",\"lat\":1}                                          | missing_lon",
            "{\"id\":\"x\"," + TS + ",\"lon\":1}                                          | missing_lat",
            "{\"id\":\"x\"," + TS + ",\"lat\":1,\"lon\":2,\"speed\":-1}                   | invalid_speed",
            "{\"id\":\"x\"," + TS + ",\"lat\":1,\"lon\":2,\"heading\":361}                | invalid_heading",
            "{\"id\":\"x\"," + TS + ",\"lat\":1,\"lon\":2,\"accuracy\":-3}                | invalid_accuracy",
            "{\"id\":\"x\"," + TS + ",\"lat\":1,\"lon\":2,\"altitude\":99999}             | invalid_altitude",
            "{\"id\":\"x\"," + TS + ",\"temperature\":400}                                | invalid_temperature",
            "{\"id\":\"x\"," + TS + ",\"humidity\":101}                                   | invalid_humidity",
            "{\"id\":\"x\"," + TS + ",\"battery\":-5}                                     | invalid_battery",
            "{\"id\":\"x\"," + TS + ",\"event\":42}                                       | invalid_event",
            "{\"id\":{\"a\":1}," + TS + ",\"lat\":1,\"lon\":2}                            | invalid_id",
            "{\"id\":\"x\\u0000\"," + TS + ",\"lat\":1,\"lon\":2}                        | invalid_id",
            "{\"id\":\"x\"," + TS + ",\"event\":\"door\\u0000open\"}                     | invalid_event",
            "[42]                                                                          | not_an_object",
    })
    void eachInvalidEventGetsItsErrorCode(String frame, String code) throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send(frame.strip());
            assertThat(frame(tracker.next())).containsEntry("type", "error").containsEntry("code", code)
                    .containsKey("message");
        }
    }

    @Test
    void malformedJsonIsAnsweredAndTheSocketKeepsWorking() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send("{\"id\":\"c-3\",");
            assertThat(frame(tracker.next())).containsEntry("code", "bad_json");
            tracker.send("{\"id\":\"c-3\"," + TS + ",\"lat\":1,\"lon\":2}");
            assertThat(frame(tracker.next())).containsEntry("ids", List.of("c-3"));
        }
    }

    @Test
    void anEmptyBatchIsAnsweredNotIgnored() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send("[]");
            assertThat(frame(tracker.next())).containsEntry("type", "error").containsEntry("code", "empty_batch");
        }
    }

    @Test
    void anOversizeFrameIsRefusedWithoutClosing() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send("[" + ("{\"id\":\"pad\"," + TS + ",\"lat\":1,\"lon\":2},").repeat(6000) + "{}]");
            assertThat(frame(tracker.next())).containsEntry("code", "frame_too_large");
            tracker.send("{\"id\":\"c-4\"," + TS + ",\"lat\":1,\"lon\":2}");
            assertThat(frame(tracker.next())).containsEntry("ids", List.of("c-4"));
        }
    }

    @Test
    void spendingTheErrorBudgetClosesTheSocketWith1008() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            for (int i = 0; i < 9; i++) {
                tracker.send("not json");
            }
            assertThat(tracker.readFor(500)).hasSize(9).allMatch(f -> f.contains("bad_json"));
            assertThat(tracker.isClosed()).isFalse();
            tracker.send("not json"); // the tenth spends the budget of 10
            assertThat(tracker.closeCode(10_000)).isEqualTo(1008);
        }
    }

    /** The upgrade used to race the first frame into the HTTP handler, about once in 75 connections. */
    @Test
    void aFrameSentRightAfterTheHandshakeIsNeverLost() throws Exception {
        for (int i = 0; i < 300; i++) {
            try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
                tracker.send("{\"id\":\"h-" + i + "\"," + TS + ",\"lat\":1,\"lon\":2}");
                assertThat(tracker.next(3_000)).as("answer to the first frame of connection " + i).isNotNull();
            }
        }
    }

    @Test
    void aSocketWithoutAValidTokenIsRefusedWith401() {
        assertThatThrownBy(() -> SocketClient.tracker(server.getPort(), "not-a-token"))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
    }

    @Test
    void aUserTokenCannotActAsATracker() {
        String userToken = new Api(client.toBlocking()).adminToken();
        assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/trackers?access_token="
                        + userToken), new java.net.http.WebSocket.Listener() { }).join())
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void aTrackerClosingIsAnsweredWithItsOwnCloseCode() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            assertThat(tracker.closeAndAwaitAnswer(4001, 5_000)).isEqualTo(4001);
        }
    }

    private Map<String, Object> frame(String text) throws Exception {
        return json.readValue(text, Argument.mapOf(String.class, Object.class));
    }
}

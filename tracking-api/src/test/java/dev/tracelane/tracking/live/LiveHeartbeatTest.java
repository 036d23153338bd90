package dev.tracelane.tracking.live;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Heartbeats keep a quiet but alive dashboard open (its client answers pings), with timings shrunk to seconds. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveHeartbeatTest implements TestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.super.getProperties());
        properties.put("tracelane.live.heartbeat", "500ms");
        properties.put("tracelane.live.idle-timeout", "2s");
        return properties;
    }

    @Test
    void aDashboardThatAnswersPingsStaysOpenPastTheIdleTimeout() throws Exception {
        Api api = new Api(client.toBlocking());
        Api.TrackedShipment shipment = api.trackedShipment();
        try (SocketClient live = SocketClient.live(server.getPort(), shipment.coordinatorToken())) {
            live.send("{\"type\":\"subscribe\",\"topics\":[\"shipment:" + shipment.reference() + "\"]}");
            assertThat(live.next()).contains("\"subscribed\"");
            Thread.sleep(5_000);
            try (SocketClient tracker = SocketClient.tracker(server.getPort(), shipment.trackerToken())) {
                tracker.send("{\"ts\":\"2026-11-20T09:00:00Z\",\"lat\":41.9,\"lon\":-87.6}");
                assertThat(tracker.next()).contains("\"ack\"");
            }
            assertThat(live.next()).contains("\"update\"");
        }
    }
}

package dev.tracelane.tools.anomaly;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.Eventually;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay of last week: two trucks of one carrier report every minute, one goes quiet. Its silence is found on
 * the fleet's event time, within three of its usual intervals, however fast the replay runs; the other truck
 * raises nothing, and nor does another carrier's truck reporting today.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SilenceOnEventTimeTest implements TestDatabase {
    private static final Instant T0 = Instant.parse("2026-11-10T08:00:00Z");

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aTrackerThatGoesQuietInAReplayIsFoundSilentWithinThreeIntervals() throws Exception {
        Api api = new Api(client.toBlocking());
        Api.TrackedShipment quiet = api.trackedShipment();
        Api.TrackedShipment talking = api.trackedShipment(quiet.carrier());
        try (SocketClient a = SocketClient.tracker(server.getPort(), quiet.trackerToken());
             SocketClient b = SocketClient.tracker(server.getPort(), talking.trackerToken())) {
            for (int minute = 0; minute <= 40; minute++) {
                if (minute <= 10) {
                    report(a, minute);
                }
                report(b, minute);
            }
        }
        Map<String, Object> alert = Eventually.found(() -> api.list("/api/alerts?shipment=" + quiet.reference()
                + "&type=tracker_silent", quiet.coordinatorToken()).stream().findFirst());
        Instant detected = OffsetDateTime.parse((String) alert.get("detectedAt")).toInstant();
        assertThat(Duration.between(T0.plusSeconds(600), detected)).isLessThanOrEqualTo(Duration.ofMinutes(3));
        List<Map<String, Object>> others = api.list("/api/alerts?shipment=" + talking.reference()
                + "&type=tracker_silent", talking.coordinatorToken());
        assertThat(others).isEmpty();
    }

    @Test
    void aFleetReplayingThePastIsNotFoundSilentWhenAnotherCarriersTruckReportsNow() throws Exception {
        Api api = new Api(client.toBlocking());
        Api.TrackedShipment replayed = api.trackedShipment();
        Api.TrackedShipment alsoReplayed = api.trackedShipment(replayed.carrier());
        try (SocketClient a = SocketClient.tracker(server.getPort(), replayed.trackerToken());
             SocketClient b = SocketClient.tracker(server.getPort(), alsoReplayed.trackerToken())) {
            for (int minute = 0; minute <= 10; minute++) {
                report(a, minute);
                report(b, minute);
            }
        }
        try (SocketClient today = SocketClient.tracker(server.getPort(), api.trackedShipment().trackerToken())) {
            today.send("{\"ts\":\"" + Instant.now() + "\",\"lat\":41.9,\"lon\":-87.7}");
            assertThat(today.next()).contains("\"ack\"");
        }
        Thread.sleep(11_000); // past the monitors' next wall-clock check
        assertThat(api.list("/api/alerts?type=tracker_silent&shipment=" + replayed.reference(),
                replayed.coordinatorToken())).isEmpty();
    }

    private static void report(SocketClient tracker, int minute) throws Exception {
        tracker.send("{\"ts\":\"" + T0.plusSeconds(60L * minute) + "\",\"lat\":41.9,\"lon\":-87.7}");
        assertThat(tracker.next()).contains("\"ack\"");
    }
}

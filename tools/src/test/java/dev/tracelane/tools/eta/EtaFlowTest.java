package dev.tracelane.tools.eta;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.Eventually;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.geo.GreatCircle;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A truck drives from Chicago to Milwaukee through the real tracker socket on event time; the ETA follows it on
 * the REST API, a promise it cannot keep raises predicted_late, and the delivered trip teaches its lane.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtaFlowTest implements TestDatabase {
    private static final Instant T0 = Instant.parse("2026-11-18T14:00:00Z");
    private static final double[] CHICAGO = {41.8781, -87.6298};
    private static final double[] MILWAUKEE = {43.0389, -87.9065};
    private static final double SPEED = 25;

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EtaSettings settings;

    @Test
    void theEtaFollowsTheTruckOnEventTime() throws Exception {
        Api api = new Api(client.toBlocking());
        Trip trip = trip(api, Api.unique("lane"), Map.of());
        drive(trip, 0, 60);
        Instant last = T0.plusSeconds(60 * 60);
        Map<String, Object> eta = Eventually.found(() -> eta(api, trip, last));
        double remaining = straightMeters() - SPEED * 60 * 60;
        assertThat(eta.get("remainingMeters")).as("whole metres").isInstanceOfAny(Integer.class, Long.class);
        assertThat(((Number) eta.get("remainingMeters")).doubleValue()).isCloseTo(remaining * 1.25, within(2_000.0));
        double minutesToGo = Duration.between(last, time(eta, "eta")).toSeconds() / 60.0;
        // a new lane: the truck's own road speed (1.25 x the straight line's) weighs a fifth after an hour
        double speed = 0.2 * SPEED * 1.25 + 0.8 * settings.defaultSpeed();
        double expected = (remaining * 1.25 - 1_500) / speed / 60 * (1 + settings.pauseShare());
        assertThat(minutesToGo).isCloseTo(expected, within(4.0));
        assertThat(time(eta, "p10")).isBeforeOrEqualTo(time(eta, "eta"));
        assertThat(time(eta, "p90")).isAfterOrEqualTo(time(eta, "eta"));
        @SuppressWarnings("unchecked")
        Map<String, Object> basis = (Map<String, Object>) eta.get("basis");
        assertThat(basis).containsEntry("status", "in_transit").containsEntry("restRules", "us-hos");
        assertThat((String) basis.get("explanation")).contains("km to go");
        assertThat(api.get("/api/shipments/" + trip.reference, trip.coordinator).get("eta")).isNotNull();
    }

    @Test
    void aPromiseTheTruckCannotKeepRaisesPredictedLate() throws Exception {
        Api api = new Api(client.toBlocking());
        Trip trip = trip(api, Api.unique("lane"), Map.of("promisedArrival",
                Map.of("until", T0.plusSeconds(40 * 60).toString())));
        drive(trip, 0, 70); // past the promise, short of arriving
        Map<String, Object> alert = Eventually.found(() -> api.list("/api/alerts?shipment=" + trip.reference
                + "&type=predicted_late", trip.coordinator).stream().findFirst());
        assertThat(alert).containsEntry("status", "open");
        assertThat(alert.get("title").toString()).contains("late");
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) alert.get("evidence");
        assertThat(((Number) evidence.get("lateProbability")).doubleValue()).isGreaterThanOrEqualTo(0.8);
        assertThat(evidence).containsKeys("eta", "p10", "p90", "promisedUntil", "basis");
    }

    @Test
    void anAchievablePromiseRaisesNoAlert() throws Exception {
        Api api = new Api(client.toBlocking());
        Trip trip = trip(api, Api.unique("lane"), Map.of("promisedArrival",
                Map.of("until", T0.plusSeconds(4 * 3_600).toString())));
        drive(trip, 0, 20);
        Map<String, Object> eta = Eventually.found(() -> eta(api, trip, T0.plusSeconds(20 * 60)));
        assertThat(((Number) eta.get("lateProbability")).doubleValue()).isLessThan(0.1);
        assertThat(api.list("/api/alerts?shipment=" + trip.reference, trip.coordinator)).isEmpty();
    }

    @Test
    void aDeliveredTripSettlesItsEtaAndTeachesItsLane() throws Exception {
        Api api = new Api(client.toBlocking());
        String lane = Api.unique("lane");
        Trip first = trip(api, lane, Map.of());
        int arrivalMinute = drive(first, 0, 200);
        Instant arrival = T0.plusSeconds(60L * arrivalMinute);
        Map<String, Object> settled = Eventually.found(() -> {
            Map<String, Object> eta = api.get("/api/shipments/" + first.reference + "/eta", first.coordinator);
            return Optional.of(eta).filter(e -> "delivered".equals(((Map<?, ?>) e.get("basis")).get("status")));
        });
        assertThat(time(settled, "eta")).isEqualTo(arrival);

        Trip second = trip(api, lane, Map.of());
        drive(second, 0, 15);
        Map<String, Object> eta = Eventually.found(() -> eta(api, second, T0.plusSeconds(15 * 60)));
        @SuppressWarnings("unchecked")
        Map<String, Object> basis = (Map<String, Object>) eta.get("basis");
        assertThat(basis.get("laneTrips")).isEqualTo(1);
        assertThat((String) basis.get("speed")).startsWith("lane profile by stretch");
    }

    @Test
    void aLoadInTransitByStatusIsInTransitInItsEtaBasisBeforeItHasDriven() throws Exception {
        Api api = new Api(client.toBlocking());
        Trip trip = trip(api, Api.unique("lane"), Map.of());
        double lat = CHICAGO[0] + 0.3 * (MILWAUKEE[0] - CHICAGO[0]); // switched on already on the way, standing
        double lon = CHICAGO[1] + 0.3 * (MILWAUKEE[1] - CHICAGO[1]);
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trip.trackerToken)) {
            for (int minute = 0; minute <= 2; minute++) {
                tracker.send("{\"ts\":\"" + T0.plusSeconds(60L * minute) + "\",\"lat\":" + lat + ",\"lon\":" + lon
                        + ",\"speed\":0}");
                assertThat(tracker.next()).contains("\"ack\"");
            }
        }
        assertThat(api.get("/api/shipments/" + trip.reference, trip.coordinator)).containsEntry("status", "in_transit");
        Map<String, Object> eta = Eventually.found(() -> eta(api, trip, T0.plusSeconds(120)));
        @SuppressWarnings("unchecked")
        Map<String, Object> basis = (Map<String, Object>) eta.get("basis");
        assertThat(basis).containsEntry("status", "in_transit");
    }

    @Test
    void noEtaIsShownBeforeAPositionNorOutsideTheCallersScope() {
        Api api = new Api(client.toBlocking());
        Trip trip = trip(api, Api.unique("lane"), Map.of());
        assertThatThrownBy(() -> api.get("/api/shipments/" + trip.reference + "/eta", trip.coordinator))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getResponse().getBody(String.class)).hasValueSatisfying(
                                body -> assertThat(body).contains("has not reported a position")));
        String stranger = api.user(api.org("carrier"), List.of("coordinator"), List.of());
        assertThatThrownBy(() -> api.get("/api/shipments/" + trip.reference + "/eta", stranger))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }

    private record Trip(String reference, String trackerToken, String coordinator) {
    }

    private Trip trip(Api api, String lane, Map<String, Object> extra) {
        String carrier = api.org("carrier");
        String trackerId = Api.unique("trk");
        String token = api.tracker(trackerId, carrier);
        Map<String, Object> fields = new java.util.HashMap<>(extra);
        fields.put("lane", lane);
        String reference = (String) api.shipment(api.org("shipper"), carrier, trackerId, fields).get("reference");
        return new Trip(reference, token, api.user(carrier, List.of("coordinator"), List.of()));
    }

    /**
     * Drives the straight line at {@link #SPEED}, one reading a minute, stopping at the destination.
     *
     * @return the minute of arrival (within the destination's geofence), or -1
     */
    private int drive(Trip trip, int fromMinute, int toMinute) throws Exception {
        double length = straightMeters();
        int arrived = -1;
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trip.trackerToken)) {
            for (int minute = fromMinute; minute <= toMinute; minute++) {
                double f = Math.min(1, SPEED * 60 * minute / length);
                double lat = CHICAGO[0] + f * (MILWAUKEE[0] - CHICAGO[0]);
                double lon = CHICAGO[1] + f * (MILWAUKEE[1] - CHICAGO[1]);
                if (arrived < 0 && GreatCircle.meters(lat, lon, MILWAUKEE[0], MILWAUKEE[1]) <= 1_500) {
                    arrived = minute;
                }
                tracker.send("{\"ts\":\"" + T0.plusSeconds(60L * minute) + "\",\"lat\":" + lat + ",\"lon\":" + lon
                        + "}");
                assertThat(tracker.next()).contains("\"ack\"");
                if (arrived >= 0 && minute >= arrived + 5) {
                    break;
                }
            }
        }
        return arrived;
    }

    private static double straightMeters() {
        return GreatCircle.meters(CHICAGO[0], CHICAGO[1], MILWAUKEE[0], MILWAUKEE[1]);
    }

    private static Optional<Map<String, Object>> eta(Api api, Trip trip, Instant asOf) {
        try {
            Map<String, Object> eta = api.get("/api/shipments/" + trip.reference + "/eta", trip.coordinator);
            return Optional.of(eta).filter(e -> !time(e, "asOf").isBefore(asOf));
        } catch (HttpClientResponseException e) {
            return Optional.empty();
        }
    }

    private static Instant time(Map<String, Object> body, String field) {
        return OffsetDateTime.parse((String) body.get(field)).toInstant();
    }
}

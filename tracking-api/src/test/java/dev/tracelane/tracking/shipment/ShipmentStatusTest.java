package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.events.EventsCommitted;
import dev.tracelane.tracking.events.ShipmentStatusChanged;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Status and current position follow event time: geofences move status forward, late events never back. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShipmentStatusTest implements TestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    BusRecorder bus;

    private Api api;
    private String trackerToken;
    private String reference;
    private String viewer;

    @BeforeEach
    void shipmentWithTracker() {
        api = new Api(client.toBlocking());
        Api.TrackedShipment shipment = api.trackedShipment();
        trackerToken = shipment.trackerToken();
        reference = shipment.reference();
        viewer = shipment.coordinatorToken();
    }

    @Test
    void statusMovesFromPlannedToInTransitToDeliveredOnEventTime() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T08:00:00Z", 41.8790, -87.6300); // at the origin
            assertThat(shipment()).containsEntry("status", "planned");
            send(tracker, "2026-11-20T09:00:00Z", 42.4000, -87.8000); // on the way
            assertThat(shipment()).containsEntry("status", "in_transit")
                    .containsEntry("departedAt", "2026-11-20T09:00:00Z");
            send(tracker, "2026-11-20T10:30:00Z", 43.0380, -87.9060); // at the destination
            assertThat(shipment()).containsEntry("status", "delivered")
                    .containsEntry("deliveredAt", "2026-11-20T10:30:00Z");
        }
    }

    @Test
    void aFirstReadingAlreadyOnTheWayMeansTheLoadHasDeparted() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T09:00:00Z", 42.4000, -87.8000); // switched on after pick-up
            assertThat(shipment()).containsEntry("status", "in_transit");
        }
    }

    @Test
    void aFirstReadingOffTheWayLeavesTheLoadPlanned() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T09:00:00Z", 42.4500, -88.9500); // nearer Milwaukee, but far west of the way
            assertThat(shipment()).containsEntry("status", "planned");
        }
    }

    @Test
    void aFirstReadingOnAWindingPlannedRouteIsOnTheWay() throws Exception {
        String carrier = api.org("carrier");
        String trackerId = Api.unique("trk");
        String token = api.tracker(trackerId, carrier);
        String reference = (String) api.shipment(api.org("shipper"), carrier, trackerId, Map.of("plannedRoute",
                Map.of("type", "LineString", "coordinates", List.of(List.of(-87.6298, 41.8781), List.of(-89.09, 42.27),
                        List.of(-87.9065, 43.0389))))).get("reference"); // by way of Rockford
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            send(tracker, "2026-11-20T09:00:00Z", 42.6550, -88.5000); // between Rockford and Milwaukee
        }
        assertThat(api.get("/api/shipments/" + reference, viewer(carrier))).containsEntry("status", "in_transit");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPositionNoTruckCouldReachIsAckedAndKeptButNeitherMovesTheShipmentNorReachesListeners() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T09:00:00Z", 42.4000, -87.8000);
            send(tracker, "2026-11-20T09:01:00Z", -0.0, 180.0); // 12,700 km in a minute: a GPS glitch
            send(tracker, "2026-11-20T09:02:00Z", 42.4200, -87.8100);
        }
        assertThat((Map<String, Object>) shipment().get("lastPosition")).containsEntry("lat", 42.42);
        assertThat(trackPoints()).hasSize(2);
        assertThat(bus.committed).flatMap(EventsCommitted::events)
                .noneMatch(s -> s.event().lon() != null && s.event().lon() == 180.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLastPositionIsDatedByItsFixNotByALaterTemperatureReading() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T09:00:00Z", 42.4000, -87.8000);
            tracker.send("{\"ts\":\"2026-11-20T09:05:00Z\",\"temperature\":4.0}");
            assertThat(tracker.next()).contains("\"ack\"");
        }
        assertThat((Map<String, Object>) shipment().get("lastPosition")).containsEntry("ts", "2026-11-20T09:00:00Z");
    }

    @Test
    void aGlitchArrivingLateBetweenTwoGoodReadingsIsReadPastToo() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T09:00:00Z", 42.4000, -87.8000);
            send(tracker, "2026-11-20T09:10:00Z", 42.4500, -87.8200);
            send(tracker, "2026-11-20T09:05:00Z", 30.0000, -100.0000); // uploaded late, 1,700 km off
        }
        assertThat(trackPoints()).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFirstFixFarOffIsTheGlitchOnceTheReadingsAfterItAgree() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T09:00:00Z", 44.0000, -80.0000); // a cold start's fix, in Ontario
            send(tracker, "2026-11-20T09:01:00Z", 41.8790, -87.6300);
            send(tracker, "2026-11-20T09:02:00Z", 41.8800, -87.6310);
        }
        assertThat((Map<String, Object>) shipment().get("lastPosition")).containsEntry("lat", 41.88);
        assertThat(trackPoints()).containsExactly(List.of(-87.63, 41.879), List.of(-87.631, 41.88));
    }

    @Test
    void aLateGlitchOlderThanEveryReadingIsJudgedByTheFirstAfterIt() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T09:00:00Z", 42.4000, -87.8000);
            send(tracker, "2026-11-20T09:01:00Z", 42.4100, -87.8000);
            send(tracker, "2026-11-20T08:59:00Z", 35.0000, -93.0000);
        }
        assertThat(trackPoints()).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMoveConfirmedWithinOneBatchKeepsBothReadingsAtTheNewPlace() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            batch(tracker, fix("09:00", 42.40, -87.80), fix("09:01", 42.41, -87.80), fix("09:02", 44.98, -93.26),
                    fix("09:03", 44.981, -93.261));
        }
        assertThat(trackPoints()).hasSize(4);
        assertThat((Map<String, Object>) shipment().get("lastPosition")).containsEntry("lat", 44.981);
    }

    @Test
    void aFarFirstFixInTheBatchOfTheReadingsAfterItIsTheGlitchAndTheLoadStillDeparts() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            batch(tracker, fix("09:00", 35.0, -93.0), fix("09:10", 42.40, -87.80), fix("09:11", 42.41, -87.80));
        }
        assertThat(trackPoints()).containsExactly(List.of(-87.8, 42.4), List.of(-87.8, 42.41));
        assertThat(shipment()).containsEntry("status", "in_transit"); // already on the way, as a first reading
    }

    private static String fix(String time, double lat, double lon) {
        return "{\"ts\":\"2026-11-20T" + time + ":00Z\",\"lat\":" + lat + ",\"lon\":" + lon + "}";
    }

    private static void batch(SocketClient tracker, String... fixes) throws Exception {
        tracker.send("[" + String.join(",", fixes) + "]");
        assertThat(tracker.next()).contains("\"ack\"");
    }

    @SuppressWarnings("unchecked")
    private List<Object> trackPoints() {
        Map<String, Object> line = (Map<String, Object>) ((List<?>) api.get("/api/shipments/" + reference + "/track",
                viewer).get("features")).get(0);
        return (List<Object>) ((Map<String, Object>) line.get("geometry")).get("coordinates");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSecondReadingThatAgreesWithAJumpConfirmsTheTrackerReallyMoved() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T09:00:00Z", 42.4000, -87.8000);
            send(tracker, "2026-11-20T09:01:00Z", 44.9800, -93.2600); // Minneapolis: refused for now
            assertThat((Map<String, Object>) shipment().get("lastPosition")).containsEntry("lat", 42.4);
            send(tracker, "2026-11-20T09:02:00Z", 44.9810, -93.2610);
        }
        assertThat((Map<String, Object>) shipment().get("lastPosition")).containsEntry("lat", 44.981);
    }

    @Test
    void readingsArrivingLateMoveTheDepartureEarlier() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T10:00:00Z", 42.4000, -87.8000); // the trip's second half comes first
            send(tracker, "2026-11-20T10:30:00Z", 42.6000, -87.8500);
            send(tracker, "2026-11-20T08:00:00Z", 41.8790, -87.6300); // then its first half: at the origin
            send(tracker, "2026-11-20T09:00:00Z", 42.0000, -87.7000); // and gone
            send(tracker, "2026-11-20T09:30:00Z", 42.2000, -87.7500);
            assertThat(shipment()).containsEntry("status", "in_transit")
                    .containsEntry("departedAt", "2026-11-20T09:00:00Z");
        }
    }

    @Test
    void readingsArrivingLateMoveTheDepartureOfADeliveredLoadEarlier() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T10:00:00Z", 42.4000, -87.8000); // the newer half, to the destination
            send(tracker, "2026-11-20T10:30:00Z", 43.0380, -87.9060);
            send(tracker, "2026-11-20T08:00:00Z", 41.8790, -87.6300); // then the older half
            send(tracker, "2026-11-20T09:00:00Z", 42.0000, -87.7000);
            assertThat(shipment()).containsEntry("status", "delivered")
                    .containsEntry("departedAt", "2026-11-20T09:00:00Z")
                    .containsEntry("deliveredAt", "2026-11-20T10:30:00Z");
        }
    }

    @Test
    void theTrackersNextLoadWaitsUntilItsTruckHasBeenAtItsOrigin() throws Exception {
        String carrier = api.org("carrier");
        String trackerId = Api.unique("trk");
        String token = api.tracker(trackerId, carrier);
        String shipper = api.org("shipper");
        api.shipment(shipper, carrier, trackerId, Map.of()); // Chicago to Milwaukee
        String next = (String) api.shipment(shipper, carrier, trackerId, Map.of(
                "origin", Map.of("name", "Madison, WI", "lat", 43.0731, "lon", -89.4012),
                "destination", Map.of("name", "Minneapolis, MN", "lat", 44.9778, "lon", -93.2650))).get("reference");
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            send(tracker, "2026-11-20T08:00:00Z", 41.8790, -87.6300);
            send(tracker, "2026-11-20T09:00:00Z", 42.4000, -87.8000);
            send(tracker, "2026-11-20T10:30:00Z", 43.0380, -87.9060); // the first load delivered
            send(tracker, "2026-11-20T11:00:00Z", 43.0500, -88.5000); // driving to the next pick-up
            send(tracker, "2026-11-20T11:30:00Z", 43.8000, -91.2400); // or anywhere, even on the next load's way
            assertThat(api.get("/api/shipments/" + next, viewer(carrier))).containsEntry("status", "planned");
            send(tracker, "2026-11-20T12:30:00Z", 43.0735, -89.4000); // at Madison
            send(tracker, "2026-11-20T13:00:00Z", 43.4000, -89.9000); // on to Minneapolis
            assertThat(api.get("/api/shipments/" + next, viewer(carrier))).containsEntry("status", "in_transit")
                    .containsEntry("departedAt", "2026-11-20T13:00:00Z");
        }
    }

    @Test
    void aLateEventIsStoredButDoesNotMoveThePositionBack() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T10:00:00Z", 42.6000, -87.8500);
            send(tracker, "2026-11-20T09:00:00Z", 42.2000, -87.8000);
            @SuppressWarnings("unchecked")
            Map<String, Object> position = (Map<String, Object>) shipment().get("lastPosition");
            assertThat(position).containsEntry("lat", 42.6).containsEntry("ts", "2026-11-20T10:00:00Z");
            Map<String, Object> track = api.get("/api/shipments/" + reference + "/track", viewer);
            assertThat(track.toString()).contains("2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z");
        }
    }

    @Test
    void theTrackIsAGeoJsonLineInEventTimeOrderAndCanBeSimplified() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            for (int i = 0; i < 20; i++) { // a straight line north: every inner point is redundant
                send(tracker, "2026-11-20T09:%02d:00Z".formatted(i), 42.0 + i * 0.01, -87.8);
            }
        }
        Map<String, Object> full = api.get("/api/shipments/" + reference + "/track", viewer);
        assertThat(full).containsEntry("type", "FeatureCollection");
        assertThat(coordinates(full)).hasSize(20).first().isEqualTo(List.of(-87.8, 42.0));
        Map<String, Object> simplified = api.get("/api/shipments/" + reference + "/track?simplify=50", viewer);
        assertThat(coordinates(simplified)).hasSize(2);
        Map<String, Object> window = api.get("/api/shipments/" + reference
                + "/track?from=2026-11-20T09:05:00Z&to=2026-11-20T09:10:00Z", viewer);
        assertThat(coordinates(window)).hasSize(5);
        Map<String, Object> none = api.get("/api/shipments/" + reference
                + "/track?from=2026-11-21T00:00:00Z", viewer);
        assertThat(none).as("valid GeoJSON when empty").containsEntry("features", List.of());
    }

    @Test
    void aTrackWindowEndingBeforeItStartsOrANegativeToleranceIsA400() {
        for (String query : List.of("from=2026-11-20T10:00:00Z&to=2026-11-20T09:00:00Z", "simplify=-5")) {
            assertThatThrownBy(() -> api.get("/api/shipments/" + reference + "/track?" + query, viewer))
                    .as(query).isInstanceOfSatisfying(HttpClientResponseException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
        }
    }

    @Test
    void committedEventsAndStatusChangesArePublishedOnTheBus() throws Exception {
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), trackerToken)) {
            send(tracker, "2026-11-20T09:00:00Z", 42.4000, -87.8000);
        }
        assertThat(bus.statusChanges).anySatisfy(change -> {
            assertThat(change.reference()).isEqualTo(reference);
            assertThat(change.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        });
        assertThat(bus.committed).anySatisfy(batch -> assertThat(batch.events())
                .anySatisfy(e -> assertThat(e.event().lat()).isEqualTo(42.4)));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> coordinates(Map<String, Object> collection) {
        List<Map<String, Object>> features = (List<Map<String, Object>>) collection.get("features");
        return (List<Object>) ((Map<String, Object>) features.get(0).get("geometry")).get("coordinates");
    }

    private void send(SocketClient tracker, String ts, double lat, double lon) throws Exception {
        tracker.send("{\"ts\":\"" + ts + "\",\"lat\":" + lat + ",\"lon\":" + lon + "}");
        assertThat(tracker.next()).contains("\"ack\"");
    }

    private String viewer(String carrier) {
        return api.user(carrier, List.of("coordinator"), List.of());
    }

    private Map<String, Object> shipment() {
        return api.get("/api/shipments/" + reference, viewer);
    }

    @Singleton
    static class BusRecorder {
        final List<EventsCommitted> committed = new CopyOnWriteArrayList<>();
        final List<ShipmentStatusChanged> statusChanges = new CopyOnWriteArrayList<>();

        @EventListener
        void on(EventsCommitted event) {
            committed.add(event);
        }

        @EventListener
        void on(ShipmentStatusChanged event) {
            statusChanges.add(event);
        }
    }
}

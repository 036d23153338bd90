package dev.tracelane.tools.alert;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.Eventually;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reefer warms up: readings through the real tracker socket, the detector on event time, the alert in
 * PostgreSQL, on the REST API, on the live {@code alerts} topic, acknowledged, then resolved when cold again.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertFlowTest implements TestDatabase {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aWarmingReeferRaisesAnAlertThatIsSeenAcknowledgedAndResolved() throws Exception {
        BlockingHttpClient http = client.toBlocking();
        Api api = new Api(http);
        Reefer reefer = reefer(api);
        String reference = reefer.reference();
        String coordinator = reefer.coordinator();

        try (SocketClient live = SocketClient.live(server.getPort(), coordinator);
             SocketClient tracker = SocketClient.tracker(server.getPort(), reefer.trackerToken())) {
            live.send("{\"type\":\"subscribe\",\"topics\":[\"alerts\"]}");
            assertThat(live.next()).contains("\"subscribed\"");
            for (int minute = 0; minute <= 12; minute++) {
                read(tracker, minute, minute < 2 ? 5.0 : 9.5);
            }
            Map<String, Object> alert = Eventually.found(() -> open(api, coordinator, reference));
            assertThat(alert).containsEntry("type", "temperature_excursion").containsEntry("status", "open")
                    .containsEntry("severity", "warning");
            @SuppressWarnings("unchecked")
            Map<String, Object> evidence = (Map<String, Object>) alert.get("evidence");
            assertThat(evidence).containsEntry("worstReading", 9.5)
                    .containsEntry("since", T0.plusSeconds(120).toString());
            assertThat(api.list("/api/alerts?severity=warning&shipment=" + reference, coordinator)).hasSize(1);
            assertThat(api.list("/api/alerts?severity=critical&shipment=" + reference, coordinator)).isEmpty();
            String frame = live.next();
            assertThat(frame).contains("\"type\":\"alert\"").contains(reference).contains("temperature_excursion");
            assertThat((List<?>) api.get("/api/shipments/" + reference, coordinator).get("alerts")).hasSize(1);
            assertThat(api.list("/api/shipments?q=" + reference, coordinator)).singleElement()
                    .satisfies(listed -> assertThat((List<?>) listed.get("alerts")).as("the list as the detail").hasSize(1));

            long id = ((Number) alert.get("id")).longValue();
            Map<String, Object> acked = http.retrieve(Api.auth(HttpRequest.POST("/api/alerts/" + id + "/ack", ""),
                    coordinator), Argument.mapOf(String.class, Object.class));
            assertThat(acked).containsEntry("status", "acknowledged").containsKey("acknowledgedBy");

            for (int minute = 13; minute <= 20; minute++) {
                read(tracker, minute, 5.0);
            }
            Map<String, Object> resolved = Eventually.found(() -> api.list("/api/alerts?status=resolved", coordinator)
                    .stream().filter(a -> reference.equals(a.get("ref"))).findFirst());
            assertThat(resolved).containsEntry("resolvedBy", "system");
        }
    }

    @Test
    void aLimitOutOfRangeIsA400AsOnShipments() {
        BlockingHttpClient http = client.toBlocking();
        String token = new Api(http).adminToken();
        for (int limit : new int[] {-3, 0, 1001}) {
            assertThatThrownBy(() -> http.exchange(Api.auth(HttpRequest.GET("/api/alerts?limit=" + limit), token)))
                    .isInstanceOfSatisfying(HttpClientResponseException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
        }
    }

    @Test
    void anUnknownSeverityIsA400ThatListsTheKnownOnes() {
        BlockingHttpClient http = client.toBlocking();
        String token = new Api(http).adminToken();
        assertThatThrownBy(() -> http.exchange(Api.auth(HttpRequest.GET("/api/alerts?severity=high"), token)))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    assertThat(e.getResponse().getBody(String.class)).hasValueSatisfying(
                            body -> assertThat(body).contains("info, warning or critical"));
                });
    }

    @Test
    void anotherOrgNeitherSeesNorAcknowledgesTheAlert() throws Exception {
        BlockingHttpClient http = client.toBlocking();
        Api api = new Api(http);
        Reefer reefer = reefer(api);
        String reference = reefer.reference();
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), reefer.trackerToken())) {
            for (int minute = 0; minute <= 12; minute++) {
                read(tracker, minute, 12.0);
            }
        }
        long id = ((Number) Eventually.found(() -> open(api, reefer.coordinator(), reference)).get("id")).longValue();
        String stranger = api.user(api.org("carrier"), List.of("coordinator"), List.of());
        assertThat(api.list("/api/alerts", stranger)).noneMatch(a -> reference.equals(a.get("ref")));
        assertThatThrownBy(() -> http.exchange(Api.auth(HttpRequest.POST("/api/alerts/" + id + "/ack", ""), stranger)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }

    @Test
    void aReeferWarmingAtTheDockAfterDeliveryRaisesNothing() throws Exception {
        Api api = new Api(client.toBlocking());
        Reefer delivered = reefer(api);
        Reefer control = reefer(api);
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), delivered.trackerToken())) {
            at(tracker, 0, 41.8790, -87.6300, 5.0);
            at(tracker, 60, 42.4000, -87.8000, 5.0);
            at(tracker, 120, 43.0380, -87.9060, 5.0); // delivered in Milwaukee
            for (int minute = 121; minute <= 140; minute++) {
                at(tracker, minute, 43.0380, -87.9060, 14.0); // unloaded, the empty trailer warms
            }
        }
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), control.trackerToken())) {
            for (int minute = 0; minute <= 12; minute++) {
                read(tracker, minute, 12.0); // heard after the delivered one's readings, on the same monitor thread
            }
        }
        Eventually.found(() -> open(api, control.coordinator(), control.reference()));
        assertThat(api.list("/api/alerts?shipment=" + delivered.reference(), delivered.coordinator())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeviationStillOpenAtDeliveryEndsWithTheTrip() throws Exception {
        Api api = new Api(client.toBlocking());
        String carrier = api.org("carrier");
        String trackerId = Api.unique("trk");
        String token = api.tracker(trackerId, carrier);
        String reference = (String) api.shipment(api.org("shipper"), carrier, trackerId, Map.of("plannedRoute",
                Map.of("type", "LineString", "coordinates", List.of(List.of(-87.63, 41.88), List.of(-87.906, 43.038)))))
                .get("reference");
        String coordinator = api.user(carrier, List.of("coordinator"), List.of());
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            at(tracker, 0, 41.8790, -87.6300, null); // at the origin
            for (int minute = 10; minute <= 60; minute += 10) {
                at(tracker, minute, 41.88 + 0.01 * minute, -88.30, null); // 55 km west of the route
            }
            Eventually.found(() -> open(api, coordinator, reference));
            at(tracker, 150, 43.0380, -87.9060, null); // arrives from the west
        }
        Map<String, Object> ended = Eventually.found(() -> api.list("/api/alerts?status=resolved&shipment="
                + reference, coordinator).stream().findFirst());
        assertThat(ended).containsEntry("type", "route_deviation");
        assertThat((Map<String, Object>) ended.get("evidence")).containsKey("deliveredAt");
    }

    /** A 2-8 °C reefer shipment of a new carrier, with its tracker and a coordinator watching it. */
    private record Reefer(String reference, String trackerToken, String coordinator) {
    }

    private static Reefer reefer(Api api) {
        String carrier = api.org("carrier");
        String trackerId = Api.unique("reefer");
        String trackerToken = api.tracker(trackerId, carrier);
        String reference = (String) api.shipment(api.org("shipper"), carrier, trackerId,
                Map.of("cargo", Map.of("type", "reefer", "tempMin", 2, "tempMax", 8))).get("reference");
        return new Reefer(reference, trackerToken, api.user(carrier, List.of("coordinator"), List.of()));
    }

    private static void read(SocketClient tracker, int minute, double celsius) throws Exception {
        tracker.send("{\"ts\":\"" + T0.plusSeconds(60L * minute) + "\",\"temperature\":" + celsius + "}");
        assertThat(tracker.next()).contains("\"ack\"");
    }

    private static void at(SocketClient tracker, int minute, double lat, double lon, Double celsius) throws Exception {
        tracker.send("{\"ts\":\"" + T0.plusSeconds(60L * minute) + "\",\"lat\":" + lat + ",\"lon\":" + lon
                + (celsius == null ? "" : ",\"temperature\":" + celsius) + "}");
        assertThat(tracker.next()).contains("\"ack\"");
    }

    private static Optional<Map<String, Object>> open(Api api, String token, String reference) {
        return api.list("/api/alerts?status=open", token).stream().filter(a -> reference.equals(a.get("ref")))
                .findFirst();
    }
}

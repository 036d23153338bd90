package dev.tracelane.tools.depot;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Depots through {@code /api/depots}, and the unplanned-stop detector leaving a truck at one alone. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepotFlowTest implements TestDatabase {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final double[] YARD = {42.50, -87.85};
    private static final double[] LAY_BY = {42.30, -87.86};

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aStopAtTheCarriersDepotRaisesNoAlertWhileTheSameStopElsewhereDoes() throws Exception {
        BlockingHttpClient http = client.toBlocking();
        Api api = new Api(http);
        String carrier = api.org("carrier");
        String shipper = api.org("shipper");
        String coordinator = api.user(carrier, List.of("coordinator"), List.of());
        create(http, coordinator, Map.of("name", "Kenosha yard", "lat", YARD[0], "lon", YARD[1]));
        String atYard = stand(api, shipper, carrier, YARD);
        String atLayBy = stand(api, shipper, carrier, LAY_BY);

        Map<String, Object> alert = Eventually.found(() -> api.list("/api/alerts?type=unplanned_stop&shipment="
                + atLayBy, coordinator).stream().findFirst());
        assertThat(alert).containsEntry("ref", atLayBy);
        assertThat(api.list("/api/alerts?type=unplanned_stop&shipment=" + atYard, coordinator)).isEmpty();
    }

    @Test
    void depotsAreListedAndManagedWithinTheOwnOrgOnly() {
        BlockingHttpClient http = client.toBlocking();
        Api api = new Api(http);
        String carrier = api.org("carrier");
        String coordinator = api.user(carrier, List.of("coordinator"), List.of());
        String stranger = api.user(api.org("carrier"), List.of("coordinator"), List.of());
        Map<String, Object> depot = create(http, coordinator, Map.of("name", "Yard", "lat", 41.9, "lon", -87.7));
        assertThat(depot).containsEntry("org", carrier).containsEntry("radiusMeters", 500.0);

        assertThat(api.list("/api/depots", coordinator)).extracting(d -> d.get("name")).containsExactly("Yard");
        assertThat(api.list("/api/depots", stranger)).isEmpty();
        assertStatus(403, () -> create(http, stranger, Map.of("name", "X", "lat", 41.9, "lon", -87.7, "org", carrier)));
        assertStatus(404, () -> http.exchange(Api.auth(HttpRequest.DELETE("/api/depots/" + depot.get("id")), stranger)));
        assertStatus(204, () -> http.exchange(Api.auth(HttpRequest.DELETE("/api/depots/" + depot.get("id")), coordinator)));
        assertThat(api.list("/api/depots", coordinator)).isEmpty();
    }

    @Test
    void aDepotOffTheMapOrWithoutANameIsRefusedWithTheReason() {
        BlockingHttpClient http = client.toBlocking();
        Api api = new Api(http);
        String coordinator = api.user(api.org("carrier"), List.of("coordinator"), List.of());
        assertThatThrownBy(() -> create(http, coordinator, Map.of("name", "Yard", "lat", 95, "lon", -87.7)))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    assertThat(e.getResponse().getBody(String.class).orElse("")).contains("lat");
                });
        assertStatus(400, () -> create(http, coordinator, Map.of("name", " ", "lat", 41.9, "lon", -87.7)));
    }

    /** A new shipment of the carrier whose truck stands 25 minutes at {@code spot}, then drives on. */
    private String stand(Api api, String shipper, String carrier, double[] spot) throws Exception {
        String trackerId = Api.unique("trk");
        String token = api.tracker(trackerId, carrier);
        String reference = (String) api.shipment(shipper, carrier, trackerId, Map.of()).get("reference");
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            for (int minute = 0; minute <= 26; minute++) {
                double lat = minute == 26 ? spot[0] + 0.05 : spot[0] + (minute % 3) * 0.0002;
                tracker.send("{\"ts\":\"" + T0.plusSeconds(60L * minute) + "\",\"lat\":" + lat + ",\"lon\":" + spot[1] + "}");
                assertThat(tracker.next()).contains("\"ack\"");
            }
        }
        return reference;
    }

    private static Map<String, Object> create(BlockingHttpClient http, String token, Map<String, Object> body) {
        return http.retrieve(Api.auth(HttpRequest.POST("/api/depots", body), token),
                Argument.mapOf(String.class, Object.class));
    }

    private static void assertStatus(int status, Runnable call) {
        try {
            call.run();
            assertThat(status).as("expected HTTP " + status).isLessThan(300);
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(status);
        }
    }
}

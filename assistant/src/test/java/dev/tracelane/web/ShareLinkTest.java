package dev.tracelane.web;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Share links to the tracking page can be listed and revoked; a revoked link stops working at once. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareLinkTest implements TestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    private Api api;
    private String reference;
    private String coordinator;
    private Map<String, Object> link;

    @BeforeEach
    void aSharedShipment() {
        api = new Api(client.toBlocking());
        Api.TrackedShipment shipment = api.trackedShipment();
        reference = shipment.reference();
        coordinator = shipment.coordinatorToken();
        link = api.post("/api/shares", Map.of("reference", reference), coordinator);
    }

    @Test
    void aRevokedLinkIsRefusedOnItsNextRequest() {
        String token = (String) link.get("token");
        assertThat(api.get("/api/shipments/" + reference, token)).containsEntry("reference", reference);
        revoke(link.get("id"), coordinator);
        assertThatThrownBy(() -> api.get("/api/shipments/" + reference, token))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
    }

    @Test
    void revokingClosesTheLinksOpenLiveSocket() throws Exception {
        try (SocketClient live = SocketClient.live(server.getPort(), (String) link.get("token"))) {
            live.send("{\"type\":\"subscribe\",\"topics\":[\"shipment:" + reference + "\"]}");
            assertThat(live.next()).contains("subscribed");
            revoke(link.get("id"), coordinator);
            assertThat(live.closeCode(5_000)).isEqualTo(1008);
        }
    }

    @Test
    void theShipmentsLinksListWhoRevokedThemAndWhen() {
        revoke(link.get("id"), coordinator);
        List<Map<String, Object>> links = api.list("/api/shares?reference=" + reference, coordinator);
        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l).containsEntry("id", link.get("id")).containsKey("revokedAt");
            assertThat(l.get("revokedBy")).isNotNull();
            assertThat(l).doesNotContainKey("token");
        });
    }

    @Test
    void someoneWhoCannotSeeTheShipmentCannotRevokeItsLink() {
        String stranger = api.trackedShipment().coordinatorToken();
        assertThatThrownBy(() -> revoke(link.get("id"), stranger))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
        assertThat(api.get("/api/shipments/" + reference, (String) link.get("token"))).isNotEmpty();
    }

    @Test
    void aLinkForAnHourAndAHalfExpiresNinetyMinutesOn() {
        Map<String, Object> shortLink = api.post("/api/shares", Map.of("reference", reference, "hours", 1.5),
                coordinator);
        Duration life = Duration.between(Instant.now(), Instant.parse((String) shortLink.get("expiresAt")));
        assertThat(life).isBetween(Duration.ofMinutes(89), Duration.ofMinutes(90));
    }

    @Test
    void aLinkForLessThanAnHourIsRefused() {
        assertThatThrownBy(() -> api.post("/api/shares", Map.of("reference", reference, "hours", 0.5), coordinator))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
    }

    private void revoke(Object id, String token) {
        client.toBlocking().exchange(Api.auth(HttpRequest.DELETE("/api/shares/" + id), token));
    }
}

package dev.tracelane.tracking.shipment;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who sees which shipment: scoping is enforced in SQL, and out of scope looks exactly like missing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShipmentScopeTest implements TestDatabase {
    @Inject
    @Client("/")
    HttpClient client;

    private BlockingHttpClient http;
    private Api api;
    private String shipperOne;
    private String carrierOne;
    private String carrierTwo;
    private String shippedByOneCarriedByOne;
    private String shippedByOneCarriedByTwo;
    private String shippedByTwoCarriedByOne;

    @BeforeAll
    void shipments() {
        http = client.toBlocking();
        api = new Api(http);
        shipperOne = api.org("shipper");
        String shipperTwo = api.org("shipper");
        carrierOne = api.org("carrier");
        carrierTwo = api.org("carrier");
        shippedByOneCarriedByOne = ref(api.shipment(shipperOne, carrierOne, null, Map.of()));
        shippedByOneCarriedByTwo = ref(api.shipment(shipperOne, carrierTwo, null, Map.of()));
        shippedByTwoCarriedByOne = ref(api.shipment(shipperTwo, carrierOne, null, Map.of()));
    }

    @Test
    void anotherOrgsTrackerIsRefusedAsIfItDidNotExist() {
        String foreign = Api.unique("trk");
        api.tracker(foreign, api.org("carrier"));
        String shipper = api.org("shipper");
        String carrier = api.org("carrier");
        String[] answers = new String[2];
        String[] trackers = {foreign, Api.unique("missing")};
        for (int i = 0; i < 2; i++) {
            String tracker = trackers[i];
            HttpClientResponseException e = assertThrows(
                    HttpClientResponseException.class, () -> api.shipment(shipper, carrier, tracker, Map.of()));
            assertThat(e.getStatus().getCode()).isEqualTo(400);
            answers[i] = e.getResponse().getBody(String.class).orElse("").replace(tracker, "X");
        }
        assertThat(answers[0]).contains("is not registered to the shipper or the carrier").isEqualTo(answers[1]);
    }

    @Test
    void aCarrierSeesOnlyShipmentsItCarries() {
        String token = api.user(carrierOne, List.of("carrier"), List.of());
        assertThat(refs(api.list("/api/shipments", token)))
                .containsExactlyInAnyOrder(shippedByOneCarriedByOne, shippedByTwoCarriedByOne);
        assertNotFound("/api/shipments/" + shippedByOneCarriedByTwo, token);
    }

    @Test
    void aShipperSeesItsShipmentsAcrossCarriers() {
        String token = api.user(shipperOne, List.of("shipper"), List.of());
        assertThat(refs(api.list("/api/shipments", token)))
                .containsExactlyInAnyOrder(shippedByOneCarriedByOne, shippedByOneCarriedByTwo);
        assertNotFound("/api/shipments/" + shippedByTwoCarriedByOne, token);
    }

    @Test
    void aCoordinatorSeesEverythingOfItsOrgAndNothingElse() {
        String token = api.user(carrierTwo, List.of("coordinator"), List.of());
        assertThat(refs(api.list("/api/shipments", token))).containsExactly(shippedByOneCarriedByTwo);
    }

    @Test
    void aCustomerSeesOnlyTheShipmentsInItsClaim() {
        String token = api.user(shipperOne, List.of("customer"), List.of(shippedByOneCarriedByOne));
        assertThat(refs(api.list("/api/shipments", token))).containsExactly(shippedByOneCarriedByOne);
        assertThat(api.get("/api/shipments/" + shippedByOneCarriedByOne, token))
                .containsEntry("reference", shippedByOneCarriedByOne).containsEntry("status", "planned")
                .containsEntry("alerts", List.of()).containsEntry("eta", null).containsEntry("lastPosition", null);
        assertNotFound("/api/shipments/" + shippedByOneCarriedByTwo, token);
        assertNotFound("/api/shipments/" + shippedByOneCarriedByTwo + "/track", token);
    }

    @Test
    void aCustomerClaimNamingAnotherOrgsShipmentGrantsNothing() {
        String token = api.user(shipperOne, List.of("customer"), List.of(shippedByTwoCarriedByOne));
        assertThat(api.list("/api/shipments", token)).isEmpty();
        assertNotFound("/api/shipments/" + shippedByTwoCarriedByOne, token);
    }

    @Test
    void aMissingShipmentAndAnOutOfScopeOneGetTheSameAnswer() {
        String token = api.user(carrierTwo, List.of("carrier"), List.of());
        HttpClientResponseException outOfScope = error("/api/shipments/" + shippedByOneCarriedByOne, token);
        HttpClientResponseException missing = error("/api/shipments/NO-SUCH-REF", token);
        assertThat(outOfScope.getStatus().getCode()).isEqualTo(missing.getStatus().getCode()).isEqualTo(404);
        assertThat(outOfScope.getResponse().getBody(Map.class).map(m -> m.keySet()))
                .isEqualTo(missing.getResponse().getBody(Map.class).map(m -> m.keySet()));
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        assertThatThrownBy(() -> http.exchange(HttpRequest.GET("/api/shipments")))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode()));
    }

    @Test
    void aQueryTokenIsRefusedOnPlainHttp() {
        String token = api.user(shipperOne, List.of("shipper"), List.of());
        assertThatThrownBy(() -> http.exchange(HttpRequest.GET("/api/shipments?access_token=" + token)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode()));
    }

    @Test
    void aCustomerMayNotCreateShipments() {
        String token = api.user(shipperOne, List.of("customer"), List.of());
        assertThatThrownBy(() -> http.exchange(Api.auth(HttpRequest.POST("/api/shipments", Map.of(
                "reference", "X-1", "shipper", shipperOne, "carrier", carrierOne,
                "origin", Map.of("lat", 1, "lon", 2), "destination", Map.of("lat", 3, "lon", 4))), token)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
    }

    @Test
    void anExternallySignedTokenIsTheIdentity() throws Exception {
        String token = sign(Map.of("sub", "widget-user", "org", shipperOne, "roles", List.of("customer"),
                "shipments", List.of(shippedByOneCarriedByTwo)));
        assertThat(refs(api.list("/api/shipments", token))).containsExactly(shippedByOneCarriedByTwo);
    }

    @Test
    void aTokenNamingAnUnknownOrgIsRefused() throws Exception {
        String token = sign(Map.of("sub", "ghost", "org", "no-such-org", "roles", List.of("admin")));
        assertThatThrownBy(() -> api.list("/api/shipments", token))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode()));
    }

    @Test
    void listsFilterByStatusAndText() {
        String token = api.user(shipperOne, List.of("shipper"), List.of());
        assertThat(refs(api.list("/api/shipments?status=planned&q=" + shippedByOneCarriedByTwo, token)))
                .containsExactly(shippedByOneCarriedByTwo);
        assertThat(api.list("/api/shipments?status=delivered", token)).isEmpty();
        assertThat(error("/api/shipments?status=lost", token).getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    }

    @Test
    void listParametersOutOfRangeAreRefusedNotIgnored() {
        String token = api.user(shipperOne, List.of("shipper"), List.of());
        for (String query : List.of("late=maybe", "limit=-1", "limit=0", "limit=1001", "offset=-5")) {
            assertThat(error("/api/shipments?" + query, token).getStatus().getCode()).as(query)
                    .isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        }
    }

    private static String sign(Map<String, Object> claims) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .expirationTime(new Date(System.currentTimeMillis() + 60_000));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
        jwt.sign(new MACSigner("test-secret-that-is-long-enough-for-hs256-signatures"));
        return jwt.serialize();
    }

    private void assertNotFound(String path, String token) {
        assertThat(error(path, token).getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }

    private HttpClientResponseException error(String path, String token) {
        try {
            http.exchange(Api.auth(HttpRequest.GET(path), token));
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError(path + " answered 2xx");
    }

    private static String ref(Map<String, Object> shipment) {
        return (String) shipment.get("reference");
    }

    private static List<String> refs(List<Map<String, Object>> shipments) {
        return shipments.stream().map(ShipmentScopeTest::ref).toList();
    }
}

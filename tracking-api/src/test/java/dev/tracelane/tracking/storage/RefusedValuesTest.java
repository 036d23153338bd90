package dev.tracelane.tracking.storage;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A value PostgreSQL cannot store is the request's fault: a 400 that says why, not a 503 "retry later". */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedValuesTest implements TestDatabase {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aNulCharacterInAShipmentIsA400ThatNamesIt() {
        Api api = new Api(client.toBlocking());
        assertThatThrownBy(() -> api.shipment(api.org("shipper"), api.org("carrier"), null,
                Map.of("origin", Map.of("name", "Chi\u0000cago", "lat", 41.8, "lon", -87.6))))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    assertThat(e.getResponse().getBody(String.class).orElse("")).contains("NUL character");
                });
    }

    @Test
    void aNulCharacterInASearchIsA400() {
        Api api = new Api(client.toBlocking());
        String token = api.adminToken();
        assertThatThrownBy(() -> client.toBlocking().exchange(Api.auth(HttpRequest.GET("/api/shipments?q=%00"), token)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
    }
}

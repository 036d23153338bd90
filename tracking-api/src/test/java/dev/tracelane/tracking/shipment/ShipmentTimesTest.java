package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Times come in as ISO-8601 or epoch milliseconds (CONTRACT.md) and go out as ISO-8601; impossible ones are refused. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShipmentTimesTest implements TestDatabase {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void epochMillisecondsAreReadAsMilliseconds() {
        Api api = new Api(client.toBlocking());
        Instant departure = Instant.parse("2026-12-01T08:00:00Z");
        Instant until = Instant.parse("2026-12-01T18:30:00Z");
        Map<String, Object> created = api.shipment(api.org("shipper"), api.org("carrier"), null, Map.of(
                "plannedDeparture", departure.toEpochMilli(),
                "promisedArrival", Map.of("until", until.toEpochMilli())));
        assertThat(OffsetDateTime.parse((String) created.get("plannedDeparture")).toInstant()).isEqualTo(departure);
        @SuppressWarnings("unchecked")
        Map<String, Object> promised = (Map<String, Object>) created.get("promisedArrival");
        assertThat(OffsetDateTime.parse((String) promised.get("until")).toInstant()).isEqualTo(until);
    }

    @Test
    void aPromisedWindowThatEndsBeforeItBeginsIsRefused() {
        Api api = new Api(client.toBlocking());
        assertThatThrownBy(() -> api.shipment(api.org("shipper"), api.org("carrier"), null, Map.of("promisedArrival",
                Map.of("from", "2026-12-02T10:00:00Z", "until", "2026-12-02T08:00:00Z"))))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    assertThat(e.getResponse().getBody(String.class).orElse("")).contains("promisedArrival");
                });
    }

    @Test
    void aNumberThatIsNoPlausibleTimeIsRefusedNotStoredAs1970() {
        Api api = new Api(client.toBlocking());
        for (Object departure : List.of(-1, 1.5, 1e308, 253402300800000L)) {
            assertThatThrownBy(() -> api.shipment(api.org("shipper"), api.org("carrier"), null,
                    Map.of("plannedDeparture", departure)))
                    .as("plannedDeparture %s", departure)
                    .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(400);
                        assertThat(e.getResponse().getBody(String.class).orElse("")).contains("plannedDeparture");
                    });
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedInTheApisWordsNotJavas() {
        Api api = new Api(client.toBlocking());
        assertThatThrownBy(() -> api.shipment(api.org("shipper"), api.org("carrier"), null,
                Map.of("origin", Map.of("name", "Chicago", "lat", "north", "lon", -87.6))))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    assertThat(e.getResponse().getBody(String.class).orElse(""))
                            .contains("request body: expected a number at line").doesNotContain("java.lang");
                });
    }

    @Test
    void aTimeWithoutItsTimeOfDaySaysWhatATimeLooksLike() {
        Api api = new Api(client.toBlocking());
        assertThatThrownBy(() -> api.shipment(api.org("shipper"), api.org("carrier"), null,
                Map.of("plannedDeparture", "2026-12-02")))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    assertThat(e.getResponse().getBody(String.class).orElse(""))
                            .contains("request body: expected an ISO-8601 time or epoch milliseconds for "
                                    + "plannedDeparture");
                });
    }

    @Test
    void aCargoRangeUpsideDownIsRefused() {
        Api api = new Api(client.toBlocking());
        assertThatThrownBy(() -> api.shipment(api.org("shipper"), api.org("carrier"), null,
                Map.of("cargo", Map.of("type", "reefer", "tempMin", 8, "tempMax", 2))))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
    }
}

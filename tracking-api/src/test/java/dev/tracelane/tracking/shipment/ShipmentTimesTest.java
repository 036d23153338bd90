package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Times come in as ISO-8601 or epoch milliseconds (CONTRACT.md) and go out as ISO-8601. */
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
}

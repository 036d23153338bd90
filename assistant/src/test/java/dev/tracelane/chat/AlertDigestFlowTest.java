package dev.tracelane.chat;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.Eventually;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.time.MovableClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Past the per-minute limit, a user's alerts reach the chat as one digest once the minute is over. */
@MicronautTest
@Property(name = "tracelane.chat.alerts-per-minute", value = "1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertDigestFlowTest implements TestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MovableClock clock;

    /** This test's "now", which it moves past the minute. */
    @Factory
    @Requires(property = "tracelane.chat.alerts-per-minute", value = "1")
    static class Now {
        @Singleton
        @Replaces(Clock.class)
        MovableClock clock() {
            return new MovableClock(Instant.now());
        }
    }

    @Test
    void alertsPastTheLimitArriveAsOneDigestAfterTheMinute() throws Exception {
        Api api = new Api(client.toBlocking());
        String carrier = api.org("carrier");
        String coordinator = api.user(carrier, List.of("coordinator"), List.of());
        try (SocketClient chat = SocketClient.chat(server.getPort(), coordinator)) {
            for (int i = 0; i < 3; i++) {
                String tracker = Api.unique("trk");
                String token = api.tracker(tracker, carrier);
                Reefers.create(api, api.org("shipper"), carrier, tracker);
                Reefers.warmUp(server.getPort(), token);
            }
            Eventually.found(() -> Optional.of(api.list("/api/alerts?status=open", coordinator))
                    .filter(alerts -> alerts.size() >= 3));
            List<String> first = chat.readFor(2_000);
            assertThat(first).filteredOn(x -> x.contains("\"type\":\"alert\"")).singleElement().asString()
                    .contains("temperature_excursion");
            clock.set(clock.instant().plus(Duration.ofSeconds(61)));
            List<String> later = chat.readUntil(f -> f.stream().anyMatch(x -> x.contains("more alerts")), 15_000);
            assertThat(later).filteredOn(x -> x.contains("\"type\":\"alert\"")).singleElement().asString()
                    .contains("more alerts in the last minute").contains("temperature excursion")
                    .doesNotContain("\"ref\"");
        }
    }
}

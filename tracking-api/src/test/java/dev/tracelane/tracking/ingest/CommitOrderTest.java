package dev.tracelane.tracking.ingest;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.events.EventsCommitted;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitors judge readings in event time, in the order they hear of them. A tracker that sends its next
 * reading only after the ack of the previous one must never have the newer one heard first, so a committed
 * batch is published before its senders are answered.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitOrderTest implements TestDatabase {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EventWriter writer;
    @Inject
    HeardEvents heard;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.super.getProperties());
        properties.put("test.heard-events", "true");
        return properties;
    }

    @Test
    void listenersHearOfEveryCommittedEventBeforeItsSenderIsAnswered() throws Exception {
        String tracker = new Api(client.toBlocking()).newTracker().id();
        Instant start = Instant.parse("2026-11-02T08:00:00Z");
        List<CompletableFuture<Boolean>> heardAtAck = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TrackingEvent e = new TrackingEvent(tracker, "c" + i, start.plusSeconds(i), 41.0, -87.0 + i * 1e-4,
                    20.0, null, null, null, null, null, null, null);
            heardAtAck.add(writer.submit(List.of(e)).thenApply(ack -> heard.keys.contains(e.key())));
        }
        for (CompletableFuture<Boolean> f : heardAtAck) {
            assertThat(f.get(30, TimeUnit.SECONDS)).as("heard of before the ack").isTrue();
        }
    }

    @Singleton
    @Requires(property = "test.heard-events", value = "true")
    static class HeardEvents {
        final Set<TrackingEvent.EventKey> keys = ConcurrentHashMap.newKeySet();

        @EventListener
        void on(EventsCommitted committed) {
            committed.events().forEach(s -> keys.add(s.event().key()));
        }
    }
}

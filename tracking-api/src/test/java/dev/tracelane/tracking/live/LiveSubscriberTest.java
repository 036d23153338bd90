package dev.tracelane.tracking.live;

import dev.tracelane.tracking.shipment.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queueing policy of one subscriber, driven through a transport whose writes complete only when the test
 * says so: that is what a reader that stopped reading looks like from the server.
 */
class LiveSubscriberTest {
    private static final Scope CARRIER = new Scope(false, false, false, true, "roadrunner", new String[0]);

    private final ManualTransport transport = new ManualTransport();
    private final LiveLimits limits = limits();
    private long nanos;
    private final LiveSubscriber subscriber = new LiveSubscriber(CARRIER, transport, limits, Runnable::run,
            () -> nanos);
    private long nextId = 1;

    @Test
    void aSlowReadersPositionsAreConflatedToTheLatestPerShipment() {
        follow("s:1");
        for (int i = 1; i <= 10; i++) {
            subscriber.offer(position("s:1", i, 1)); // 2 go out, 8 wait and collapse into the newest
        }
        assertThat(transport.frames).hasSize(2);
        transport.completeAll();
        assertThat(transport.frames).hasSize(3).last().asString().contains("\"seq\":10");
    }

    @Test
    void topicsAlreadyFollowedOrNamedTwiceCountOnceTowardsTheLimit() {
        subscriber.follow("s:1", "\"shipment:SHP-1\"");
        assertThat(subscriber.notFollowed(List.of("shipment:SHP-1", "shipment:SHP-2", "shipment:SHP-2"))).isEqualTo(1);
    }

    @Test
    void statusUpdatesAreNeverConflated() {
        follow("s:1");
        for (int i = 1; i <= 5; i++) {
            subscriber.offer(message("s:1", i, 1, "status"));
        }
        transport.completeAll();
        transport.completeAll();
        assertThat(transport.frames).hasSize(5);
    }

    @Test
    void replayedHistoryArrivesWholeEvenToASlowReader() {
        subscriber.follow("s:1", "\"shipment:SHP-1\"");
        List<LiveMessage> missed = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            missed.add(position("s:1", i, 1));
        }
        subscriber.replayed("s:1", missed, null, 0);
        for (int round = 0; round < 6; round++) {
            transport.completeAll();
        }
        assertThat(transport.frames).hasSize(6);
    }

    @Test
    void aSubscriberBeatsItsHeartWithinItsFirstIntervalThenOncePerInterval() {
        follow("s:1");
        long interval = limits.heartbeat().toNanos();
        long step = interval / 8;
        long first = nanos;
        while (transport.heartbeats == 0) {
            first += step;
            subscriber.sweep(first);
        }
        assertThat(first - nanos).isLessThanOrEqualTo(interval);
        for (long t = first; t < first + interval; t += step) {
            subscriber.sweep(t);
        }
        assertThat(transport.heartbeats).isEqualTo(1);
        subscriber.sweep(first + interval);
        subscriber.sweep(first + interval);
        assertThat(transport.heartbeats).isEqualTo(2);
    }

    @Test
    void aSweepLetsGoOfAClosedSubscriber() {
        follow("s:1");
        assertThat(subscriber.sweep(nanos)).isTrue();
        subscriber.close(1000, "bye");
        assertThat(subscriber.sweep(nanos)).isFalse();
    }

    @Test
    void aReaderThatWritesNothingForTooLongIsClosedWith4008() {
        follow("s:1");
        subscriber.offer(position("s:1", 1, 1));
        nanos += Duration.ofSeconds(3).toNanos();
        subscriber.sweep(nanos);
        assertThat(transport.closedWith).isEqualTo(LiveSubscriber.SLOW_CONSUMER);
    }

    @Test
    void aLongQuietSpellBeforeTheFirstFrameIsNotAStall() {
        follow("s:1");
        nanos += Duration.ofMinutes(5).toNanos(); // nothing to send for five minutes
        subscriber.offer(position("s:1", 1, 1));
        nanos += Duration.ofMillis(250).toNanos();
        subscriber.sweep(nanos);
        assertThat(transport.closedWith).isNull();
    }

    @Test
    void tooManyPendingUpdatesCloseTheReader() {
        follow("s:1");
        for (int i = 1; i <= 11; i++) { // 2 in flight, then the 9th waiting one is over the limit of 8
            subscriber.offer(message("s:1", i, i, "status"));
        }
        assertThat(transport.closedWith).isEqualTo(LiveSubscriber.SLOW_CONSUMER);
    }

    @Test
    void fleetUpdatesGoOutAsOneBatchPerFlush() {
        follow("fleet");
        subscriber.offer(position("fleet", 1, 1));
        subscriber.offer(position("fleet", 2, 2));
        subscriber.offer(position("fleet", 3, 1));
        assertThat(transport.frames).isEmpty();
        subscriber.flushBatches();
        assertThat(transport.frames).singleElement().asString().startsWith("{\"type\":\"batch\"");
        assertThat(BatchFrames.seqs(transport.frames.get(0))).containsExactly(2L, 3L);
    }

    @Test
    void messagesAboutAShipmentOutOfScopeAreDropped() {
        follow("fleet");
        subscriber.offer(LiveMessage.create(nextId++, "fleet", 1, 0, 9, "SHP-9", "acme", "swift-haul", "position", "{}",
                Instant.now()));
        subscriber.flushBatches();
        assertThat(transport.frames).isEmpty();
    }

    private void follow(String topic) {
        subscriber.follow(topic, "\"" + topic + "\"");
        subscriber.replayed(topic, List.of(), null, 0);
    }

    private LiveMessage position(String topic, long seq, long shipment) {
        return message(topic, seq, shipment, "position");
    }

    private LiveMessage message(String topic, long seq, long shipment, String kind) {
        return LiveMessage.create(nextId++, topic, seq, 0, shipment, "SHP-" + shipment, "acme", "roadrunner", kind,
                "{\"ref\":\"SHP-" + shipment + "\"}", Instant.now());
    }

    private static LiveLimits limits() {
        LiveLimits limits = new LiveLimits();
        limits.setMaxInFlight(2);
        limits.setMaxPending(8);
        limits.setMaxStall(Duration.ofSeconds(2));
        return limits;
    }
}

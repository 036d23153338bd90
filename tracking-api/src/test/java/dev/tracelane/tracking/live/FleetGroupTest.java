package dev.tracelane.tracking.live;

import dev.tracelane.tracking.shipment.Scope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fleet dashboards of one scope share conflation and frames; one that lags falls back to its own queue. */
class FleetGroupTest {
    private static final Scope CARRIER = new Scope(false, false, false, true, "roadrunner", new String[0]);

    private final LiveLimits limits = new LiveLimits();
    private final FleetGroup group = new FleetGroup(CARRIER);
    private long nextId = 1;

    FleetGroupTest() {
        limits.setMaxInFlight(2);
    }

    @Test
    void membersOfOneScopeGetTheSameFrameBuiltOnce() {
        ManualTransport a = new ManualTransport();
        ManualTransport b = new ManualTransport();
        member(a, 0);
        member(b, 0);
        group.offer(position(1, 1));
        group.offer(position(2, 2));
        group.flush();
        assertThat(a.frames).singleElement().asString().startsWith("{\"type\":\"batch\",\"topic\":\"fleet\",\"seq\":2");
        assertThat(BatchFrames.seqs(a.frames.get(0))).containsExactly(1L, 2L);
        assertThat(b.sent).as("one frame, encoded once, for both").singleElement().isSameAs(a.sent.get(0));
    }

    @Test
    void aNewerPositionOfAShipmentReplacesTheOneWaitingForTheWholeGroup() {
        ManualTransport a = new ManualTransport();
        member(a, 0);
        group.offer(position(1, 7));
        group.offer(position(2, 7));
        group.flush();
        assertThat(a.frames).hasSize(1);
        assertThat(BatchFrames.seqs(a.frames.get(0))).containsExactly(2L);
    }

    @Test
    void messagesAboutShipmentsOutsideTheScopeAreDropped() {
        ManualTransport a = new ManualTransport();
        member(a, 0);
        group.offer(LiveMessage.create(nextId++, Topics.FLEET, 1, 1, 9, "SHP-9", "acme", "swift-haul", "position",
                "{}", Instant.now()));
        group.flush();
        assertThat(a.frames).isEmpty();
    }

    @Test
    void aMemberThatLagsGetsTheGroupsMessagesConflatedInItsOwnQueue() {
        ManualTransport slow = new ManualTransport();
        member(slow, 0);
        for (int seq = 1; seq <= 4; seq++) {
            group.offer(position(seq, 5));
            group.flush(); // the first two go out and stay unwritten; the rest wait in the member's queue
        }
        assertThat(slow.frames).hasSize(2);
        slow.completeAll();
        group.flush();
        assertThat(slow.frames).hasSize(3);
        assertThat(BatchFrames.seqs(slow.frames.get(2))).containsExactly(4L);
    }

    @Test
    void aMemberAlreadyPastPartOfABatchGetsOnlyTheRest() {
        ManualTransport a = new ManualTransport();
        member(a, 2);
        for (int seq = 1; seq <= 3; seq++) {
            group.offer(position(seq, seq));
        }
        group.flush();
        assertThat(a.frames).hasSize(1);
        assertThat(BatchFrames.seqs(a.frames.get(0))).containsExactly(3L);
    }

    private LiveSubscriber member(ManualTransport transport, long since) {
        LiveSubscriber subscriber = new LiveSubscriber(CARRIER, transport, limits, Runnable::run, System::nanoTime);
        subscriber.follow(Topics.FLEET, "\"fleet\"");
        subscriber.replayed(Topics.FLEET, List.of(), null, since);
        group.add(subscriber);
        return subscriber;
    }

    private LiveMessage position(long fleetSeq, long shipment) {
        return LiveMessage.create(nextId++, Topics.FLEET, fleetSeq, fleetSeq, shipment, "SHP-" + shipment, "acme",
                "roadrunner", "position", "{\"ref\":\"SHP-" + shipment + "\"}", Instant.now());
    }
}

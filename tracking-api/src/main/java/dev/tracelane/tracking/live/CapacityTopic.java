package dev.tracelane.tracking.live;

import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.shipment.Shipments;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code capacity} topic: counts of the shipments in the subscriber's scope (planned, on the road,
 * delivered, late) and of their open alerts. A snapshot rather than a history: on subscribe, and then whenever a
 * count changes, checked each second after a status change or an alert and every 30 s for shipments turning late. Its seq counts the
 * snapshots sent to this connection; {@code since} is not needed to catch up, the next snapshot is complete.
 */
@Singleton
public class CapacityTopic {
    static final String NAME = "capacity";
    private static final String QUOTED_NAME = LiveFrames.quote(NAME);
    private static final long RECHECK_TICKS = 30;
    private final Shipments shipments;
    private final Map<LiveSubscriber, Snapshot> followers = new ConcurrentHashMap<>();
    private volatile boolean countsMayHaveMoved;
    private long ticks;

    private static final class Snapshot {
        Shipments.Counts last;
        long seq;
    }

    public CapacityTopic(Shipments shipments) {
        this.shipments = shipments;
    }

    void follow(LiveSubscriber subscriber) {
        Snapshot snapshot = new Snapshot();
        followers.put(subscriber, snapshot);
        subscriber.sendNow(LiveFrames.subscribed(QUOTED_NAME, 0));
        push(subscriber, snapshot, shipments.counts(subscriber.scope()));
    }

    void unfollow(LiveSubscriber subscriber) {
        followers.remove(subscriber);
    }

    /** Called for every dispatched message; only status changes and alerts move the counts. */
    void observe(LiveMessage m) {
        if ("status".equals(m.kind()) || "alert".equals(m.kind())) {
            countsMayHaveMoved = true;
        }
    }

    @Scheduled(fixedDelay = "1s")
    void tick() {
        boolean due = ++ticks % RECHECK_TICKS == 0;
        if (followers.isEmpty() || !(countsMayHaveMoved || due)) {
            return;
        }
        countsMayHaveMoved = false;
        Map<String, Shipments.Counts> byScope = new HashMap<>();
        followers.forEach((subscriber, snapshot) -> {
            if (subscriber.isClosed()) {
                followers.remove(subscriber);
                return;
            }
            Scope scope = subscriber.scope();
            Shipments.Counts counts = byScope.computeIfAbsent(key(scope), k -> shipments.counts(scope));
            if (!counts.equals(snapshot.last)) {
                push(subscriber, snapshot, counts);
            }
        });
    }

    private static void push(LiveSubscriber subscriber, Snapshot snapshot, Shipments.Counts counts) {
        snapshot.last = counts;
        long seq = ++snapshot.seq;
        subscriber.sendNow(LiveFrames.single(QUOTED_NAME, seq, "counts", "{\"planned\":" + counts.planned()
                + ",\"in_transit\":" + counts.inTransit() + ",\"delivered\":" + counts.delivered() + ",\"onTheRoad\":"
                + counts.inTransit() + ",\"late\":" + counts.late() + ",\"openAlerts\":" + counts.openAlerts() + "}"),
                seq);
    }

    private static String key(Scope scope) {
        return scope.platform() + "|" + scope.orgWide() + "|" + scope.shipper() + "|" + scope.carrier() + "|"
                + scope.org() + "|" + Arrays.toString(scope.claimedReferences());
    }
}

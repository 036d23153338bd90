package dev.tracelane.tracking.live;

import dev.tracelane.tracking.shipment.Scope;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fleet dashboards that see exactly the same shipments (equal scopes). A fleet message is checked against
 * the scope and conflated once for the whole group, and each batch interval's frame is built once and handed to
 * every member: the fleet costs per group and per frame, not per dashboard and per message. A member that cannot
 * take the frame as it is (still replaying, or behind) files the messages in its own queue instead, where they
 * are conflated and, if it stays behind, it is closed ({@link LiveSubscriber#offerBatch}).
 */
final class FleetGroup {
    private static final String TOPIC = LiveFrames.quote(Topics.FLEET);
    private final Scope scope;
    private final Set<LiveSubscriber> members = ConcurrentHashMap.newKeySet();
    private LinkedHashMap<Object, LiveMessage> pending = new LinkedHashMap<>();

    /** What makes two scopes see the same shipments ({@link Scope} itself compares its claims by identity). */
    record Key(boolean platform, boolean orgWide, boolean shipper, boolean carrier, String org, List<String> claimed) {
        static Key of(Scope scope) {
            return new Key(scope.platform(), scope.orgWide(), scope.shipper(), scope.carrier(), scope.org(),
                    Arrays.asList(scope.claimedReferences()));
        }
    }

    FleetGroup(Scope scope) {
        this.scope = scope;
    }

    void add(LiveSubscriber member) {
        members.add(member);
    }

    /** @return whether the group is now empty */
    boolean remove(LiveSubscriber member) {
        members.remove(member);
        return members.isEmpty();
    }

    /** A fleet message; a newer position of a shipment replaces the one waiting, as in each subscriber's queue. */
    synchronized void offer(LiveMessage m) {
        if (!scope.covers(m.reference(), m.shipper(), m.carrier())) {
            return;
        }
        Object key = m.conflatable() ? (Object) m.shipmentId() : m;
        pending.remove(key);
        pending.put(key, m);
    }

    /**
     * Sends what waited since the last flush to every member as one shared frame, and each member's own queue,
     * where a member that fell behind keeps its share (hub tick).
     */
    void flush() {
        List<LiveMessage> batch;
        synchronized (this) {
            batch = List.copyOf(pending.values());
            pending = new LinkedHashMap<>();
        }
        LiveFrame frame = batch.isEmpty() ? null : LiveFrames.batch(TOPIC, batch);
        for (LiveSubscriber member : members) {
            if (frame != null) {
                member.offerBatch(Topics.FLEET, batch, frame);
            }
            member.flushBatches();
        }
    }
}

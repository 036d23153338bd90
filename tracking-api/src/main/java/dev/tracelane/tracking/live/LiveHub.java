package dev.tracelane.tracking.live;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who follows what on this instance: a topic -> subscribers index, so a message costs only its own readers.
 * Alerts subscribers are indexed by topic and org (and "*" for the platform), so a shipment's message reaches
 * only the orgs party to it before the exact scope check. Fleet dashboards are grouped by scope
 * ({@link FleetGroup}), indexed the same way by org. A ticker flushes fleet batches and, once a second, closes
 * stalled readers and sends heartbeats.
 */
@Singleton
public class LiveHub {
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final String ANY_ORG = "*";
    private static final Duration SWEEP = Duration.ofSeconds(1);
    private final Set<LiveSubscriber> all = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Set<LiveSubscriber>> byTopic = new ConcurrentHashMap<>();
    private final Map<FleetGroup.Key, FleetGroup> fleetGroups = new HashMap<>();
    private final ConcurrentHashMap<String, Set<FleetGroup>> fleetByOrg = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-ticker");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService resume = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "live-resume");
        thread.setDaemon(true);
        return thread;
    });

    public LiveHub(LiveLimits limits) {
        long period = limits.batchInterval().toMillis();
        // one thread runs both, so a sweep never overlaps a flush and heartbeat clocks stay that thread's alone
        ticker.scheduleAtFixedRate(this::flushFleet, period, period, TimeUnit.MILLISECONDS);
        ticker.scheduleAtFixedRate(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where subscribers continue sending once a write completes (see {@link LiveSubscriber}). */
    Executor resumeExecutor() {
        return resume;
    }

    void add(LiveSubscriber subscriber) {
        all.add(subscriber);
    }

    void follow(LiveSubscriber subscriber, String topic) {
        if (Topics.FLEET.equals(topic)) {
            joinFleet(subscriber);
        } else {
            byTopic.computeIfAbsent(key(topic, subscriber), k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        }
    }

    void unfollow(LiveSubscriber subscriber, String topic) {
        if (Topics.FLEET.equals(topic)) {
            leaveFleet(subscriber);
            return;
        }
        Set<LiveSubscriber> set = byTopic.get(key(topic, subscriber));
        if (set != null) {
            set.remove(subscriber);
        }
    }

    void remove(LiveSubscriber subscriber) {
        all.remove(subscriber);
        for (String topic : subscriber.topics()) {
            unfollow(subscriber, topic);
        }
    }

    void dispatch(LiveMessage m) {
        List<String> parties = parties(m);
        if (Topics.isScopedStream(m.topic())) {
            parties.forEach(org -> deliver(byTopic.get(m.topic() + "|" + org), m));
        } else {
            deliver(byTopic.get(m.topic()), m);
        }
        if (m.onFleet()) {
            LiveMessage fleet = null; // its frame is built only when some fleet dashboard may see it
            for (String org : parties) {
                Set<FleetGroup> groups = fleetByOrg.get(org);
                if (groups != null && !groups.isEmpty()) {
                    fleet = fleet == null ? m.asFleet() : fleet;
                    for (FleetGroup g : groups) {
                        g.offer(fleet);
                    }
                }
            }
        }
    }

    /** The index keys a message's shipment reaches: its shipper, its carrier, and "*" for the platform. */
    private static List<String> parties(LiveMessage m) {
        List<String> parties = new ArrayList<>(3);
        if (m.shipper() != null) {
            parties.add(m.shipper());
        }
        if (m.carrier() != null && !m.carrier().equals(m.shipper())) {
            parties.add(m.carrier());
        }
        parties.add(ANY_ORG);
        return parties;
    }

    private static void deliver(Set<LiveSubscriber> subscribers, LiveMessage m) {
        if (subscribers != null) {
            for (LiveSubscriber s : subscribers) {
                s.offer(m);
            }
        }
    }

    private synchronized void joinFleet(LiveSubscriber subscriber) {
        fleetGroups.computeIfAbsent(FleetGroup.Key.of(subscriber.scope()), k -> {
            FleetGroup group = new FleetGroup(subscriber.scope());
            fleetByOrg.computeIfAbsent(orgKey(subscriber), o -> ConcurrentHashMap.newKeySet()).add(group);
            return group;
        }).add(subscriber);
    }

    private synchronized void leaveFleet(LiveSubscriber subscriber) {
        FleetGroup.Key key = FleetGroup.Key.of(subscriber.scope());
        FleetGroup group = fleetGroups.get(key);
        if (group != null && group.remove(subscriber)) {
            fleetGroups.remove(key);
            fleetByOrg.get(orgKey(subscriber)).remove(group);
        }
    }

    private static String key(String topic, LiveSubscriber subscriber) {
        return Topics.isScopedStream(topic) ? topic + "|" + orgKey(subscriber) : topic;
    }

    private static String orgKey(LiveSubscriber subscriber) {
        return subscriber.scope().platform() ? ANY_ORG : subscriber.scope().org();
    }

    // A scheduled task that throws is never run again, so nothing one socket does may escape these two.

    private void flushFleet() {
        try {
            fleetByOrg.values().forEach(groups -> groups.forEach(FleetGroup::flush));
        } catch (RuntimeException e) {
            LOG.warn("Flushing fleet batches failed; the next tick retries: {}", e.toString());
        }
    }

    /** Stalls and heartbeats, once a second: visiting 10,000 subscribers every 250 ms was most of the ticker's work. */
    private void sweep() {
        long now = System.nanoTime();
        for (LiveSubscriber s : all) {
            try {
                if (!s.sweep(now)) {
                    remove(s);
                }
            } catch (RuntimeException e) {
                LOG.debug("A live subscriber failed its sweep (its socket closing under it?); dropping it", e);
                remove(s);
            }
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        resume.shutdownNow();
    }
}

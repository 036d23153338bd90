package dev.tracelane.tracking.live;

import dev.tracelane.tracking.shipment.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * One dashboard connection. Messages wait in a bounded queue; a newer position of a shipment replaces the one
 * still waiting (conflation), so a slow reader gets fewer, fresher updates instead of falling further behind.
 * At most {@code max-in-flight} frames are unwritten at once; a reader that writes nothing for
 * {@code max-stall}, or lets {@code max-pending} pile up, is closed with 4008. The fleet goes out as one batch
 * frame per {@code batch-interval}. Nothing here blocks the caller: other subscribers never wait.
 */
final class LiveSubscriber {
    static final int SLOW_CONSUMER = 4008;
    private static final Logger LOG = LoggerFactory.getLogger(LiveSubscriber.class);

    private final Scope scope;
    private final LiveTransport transport;
    private final LiveLimits limits;
    private final Executor resume;
    private final LongSupplier nanoTime;
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final LinkedHashMap<Object, Queued> direct = new LinkedHashMap<>();
    private final LinkedHashMap<Object, Queued> batched = new LinkedHashMap<>();
    private int inFlight;
    private long lastProgressNanos;
    /** Read and moved only by the hub's ticker thread once constructed. */
    private long heartbeatDueNanos;
    private boolean draining;
    private boolean closed;

    /** A topic this connection follows; {@code held} collects live messages while history is replayed. */
    private static final class Subscription {
        final String quotedName;
        long lastSeq;
        List<LiveMessage> held;

        Subscription(String quotedName) {
            this.quotedName = quotedName;
        }
    }

    private record Queued(Subscription subscription, LiveMessage message) {
    }

    /**
     * @param resume   where sending continues after a write completes: never on the completing (event loop)
     *                 thread, whose own writes would overtake frames it still has queued
     * @param nanoTime the clock stalls are measured by
     */
    LiveSubscriber(Scope scope, LiveTransport transport, LiveLimits limits, Executor resume, LongSupplier nanoTime) {
        this.scope = scope;
        this.transport = transport;
        this.limits = limits;
        this.resume = resume;
        this.nanoTime = nanoTime;
        this.lastProgressNanos = nanoTime.getAsLong();
        // the first heartbeat falls anywhere in the first interval: sockets that connect together (a reconnect
        // storm after a restart) would otherwise ping in lockstep for good
        this.heartbeatDueNanos = lastProgressNanos + ThreadLocalRandom.current().nextLong(limits.heartbeat().toNanos());
    }

    Scope scope() {
        return scope;
    }

    synchronized Set<String> topics() {
        return Set.copyOf(subscriptions.keySet());
    }

    /** How many of these topics, as the client names them, it does not follow yet. */
    synchronized long notFollowed(List<String> clientTopics) {
        Set<String> followed = new HashSet<>();
        subscriptions.values().forEach(s -> followed.add(s.quotedName));
        return clientTopics.stream().distinct().filter(t -> !followed.contains(LiveFrames.quote(t))).count();
    }

    /** Starts following {@code topic}; live messages are held until {@link #replayed} says history is out. */
    synchronized void follow(String topic, String quotedName) {
        Subscription s = new Subscription(quotedName);
        s.held = new ArrayList<>();
        subscriptions.put(topic, s);
    }

    synchronized void unfollow(String topic) {
        subscriptions.remove(topic);
        direct.values().removeIf(q -> q.message().topic().equals(topic));
        batched.values().removeIf(q -> q.message().topic().equals(topic));
    }

    /**
     * Ends the replay of {@code topic}: queues the missed messages, then what arrived meanwhile.
     *
     * @param resyncTo when not null, history was too old to replay: a {@code resync} frame goes out and live
     *                 delivery continues after this seq
     */
    synchronized void replayed(String topic, List<LiveMessage> missed, Long resyncTo, long since) {
        Subscription s = subscriptions.get(topic);
        if (s == null || closed) {
            return;
        }
        List<LiveMessage> held = s.held;
        s.held = null;
        s.lastSeq = since;
        if (resyncTo != null) {
            s.lastSeq = resyncTo;
            send(LiveFrames.resync(s.quotedName, resyncTo), resyncTo);
        }
        missed.forEach(m -> offer(m, false));
        held.forEach(this::offer);
    }

    /** Called by the hub for every message of a followed topic; cheap and non-blocking. */
    synchronized void offer(LiveMessage m) {
        offer(m, true);
    }

    /** @param conflate false for replayed history, which must arrive whole */
    private void offer(LiveMessage m, boolean conflate) {
        Subscription s = subscriptions.get(m.topic());
        if (s == null || closed || !scope.covers(m.reference(), m.shipper(), m.carrier())) {
            return;
        }
        if (s.held != null) {
            s.held.add(m);
            return;
        }
        if (m.seq() <= s.lastSeq) {
            return;
        }
        s.lastSeq = m.seq();
        startStallClockIfIdle();
        LinkedHashMap<Object, Queued> queue = Topics.isBatched(m.topic()) ? batched : direct;
        Object key = conflate && m.conflatable() ? m.topic() + "#" + m.shipmentId() : m.id();
        queue.remove(key);
        queue.put(key, new Queued(s, m));
        if (direct.size() + batched.size() > limits.maxPending()) {
            close(SLOW_CONSUMER, "consumer too slow: too many pending updates");
            return;
        }
        drain();
    }

    /**
     * A batch a {@link FleetGroup} built for all its members: sent as it is when this subscriber is caught up,
     * else its messages join this subscriber's own queue one by one (conflated, counted against its limits).
     */
    synchronized void offerBatch(String topic, List<LiveMessage> batch, LiveFrame frame) {
        Subscription s = subscriptions.get(topic);
        if (s == null || closed) {
            return;
        }
        boolean asItIs = s.held == null && batched.isEmpty() && inFlight < limits.maxInFlight()
                && batch.get(0).seq() > s.lastSeq;
        if (!asItIs) {
            batch.forEach(this::offer);
            return;
        }
        s.lastSeq = batch.get(batch.size() - 1).seq();
        send(frame, s.lastSeq);
    }

    /**
     * The hub's sweep, once a second: closes a stalled reader under the lock, then pings if this subscriber's
     * heartbeat is due. The heartbeat clock is the ticker thread's alone, so the ping needs no lock, and each
     * subscriber has its own, so no sweep pings every socket at once.
     *
     * @return false once closed, so the hub lets go of it
     */
    boolean sweep(long nowNanos) {
        if (!checkStall(nowNanos)) {
            return false;
        }
        if (nowNanos - heartbeatDueNanos >= 0) {
            heartbeatDueNanos = nowNanos + limits.heartbeat().toNanos();
            transport.heartbeat();
        }
        return true;
    }

    /** Sends the batched topics' waiting messages as one frame per topic (its fleet group's flush). */
    synchronized void flushBatches() {
        if (closed || batched.isEmpty() || inFlight >= limits.maxInFlight()) {
            return;
        }
        Map<Subscription, List<LiveMessage>> byTopic = new LinkedHashMap<>();
        for (Queued q : batched.values()) {
            byTopic.computeIfAbsent(q.subscription(), k -> new ArrayList<>()).add(q.message());
        }
        batched.clear();
        byTopic.forEach((s, messages) -> send(LiveFrames.batch(s.quotedName, messages),
                messages.get(messages.size() - 1).seq()));
    }

    /** Closes a reader that has written nothing for too long while frames waited; false once closed. */
    private synchronized boolean checkStall(long nowNanos) {
        boolean waiting = inFlight > 0 || !direct.isEmpty() || !batched.isEmpty();
        if (!closed && waiting && nowNanos - lastProgressNanos > limits.maxStall().toNanos()) {
            LOG.debug("closing a stalled subscriber: {} unwritten, {} queued, {} batched, {} ms without progress",
                    inFlight, direct.size(), batched.size(), (nowNanos - lastProgressNanos) / 1_000_000);
            close(SLOW_CONSUMER, "consumer too slow: nothing written for " + limits.maxStall().toSeconds() + " s");
        }
        return !closed;
    }

    synchronized void close(int code, String reason) {
        if (!closed) {
            closed = true;
            direct.clear();
            batched.clear();
            transport.close(code, reason);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized void sendNow(LiveFrame frame) {
        sendNow(frame, 0);
    }

    /** @param seq the frame's seq on its topic, which SSE sends as the event's {@code id:} */
    synchronized void sendNow(LiveFrame frame, long seq) {
        send(frame, seq);
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            Iterator<Queued> it = direct.values().iterator();
            while (!closed && inFlight < limits.maxInFlight() && it.hasNext()) {
                Queued q = it.next();
                it.remove();
                send(q.message().frame(), q.message().seq());
                it = direct.values().iterator();
            }
        } finally {
            draining = false;
        }
    }

    /** A reader is only stalled once it has something to read: the clock starts when it stops being idle. */
    private void startStallClockIfIdle() {
        if (inFlight == 0 && direct.isEmpty() && batched.isEmpty()) {
            lastProgressNanos = nanoTime.getAsLong();
        }
    }

    private void send(LiveFrame frame, long seq) {
        startStallClockIfIdle();
        inFlight++;
        transport.send(frame, seq).whenComplete((ok, failure) -> written(failure));
    }

    private synchronized void written(Throwable failure) {
        inFlight--;
        lastProgressNanos = nanoTime.getAsLong();
        if (failure != null) {
            close(1011, "write failed");
        } else if (!direct.isEmpty()) {
            resume.execute(this::drainQueued);
        }
    }

    private synchronized void drainQueued() {
        drain();
    }
}

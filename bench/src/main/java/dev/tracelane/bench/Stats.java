package dev.tracelane.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters shared by all connections. Throughput counts what happens inside the measurement window (events sent,
 * acks received); latency covers the batches sent inside it, whenever their ack arrives.
 */
public final class Stats {
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(5);

    private volatile MeasurementWindow window;
    private final LongAdder sentInWindow = new LongAdder();
    private final LongAdder ackedInWindow = new LongAdder();
    private final LongAdder sentTotal = new LongAdder();
    private final LongAdder ackedTotal = new LongAdder();
    private final LongAdder notSent = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder disconnects = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Histogram latencyMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);

    public void begin(MeasurementWindow measured) {
        window = measured;
    }

    MeasurementWindow window() {
        return window;
    }

    public void sent(int events, long nowNanos) {
        sentTotal.add(events);
        if (inWindow(nowNanos)) {
            sentInWindow.add(events);
        }
    }

    public void acked(int events, long sentNanos, long nowNanos) {
        ackedTotal.add(events);
        if (inWindow(nowNanos)) {
            ackedInWindow.add(events);
        }
        if (inWindow(sentNanos)) {
            latencyMicros.recordValue(Math.min(MAX_LATENCY_MICROS, (nowNanos - sentNanos) / 1000));
        }
    }

    public void error(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Events a schedule wanted to send while the socket was down. */
    void notSent(int events) {
        notSent.add(events);
    }

    /** Events whose fate is unknown: in flight when their socket dropped, or still unanswered at the end. */
    public void unanswered(int events) {
        unanswered.add(events);
    }

    void disconnected() {
        disconnects.increment();
    }

    void reconnected() {
        reconnects.increment();
    }

    private boolean inWindow(long nanos) {
        MeasurementWindow measured = window;
        return measured != null && measured.contains(nanos);
    }

    long sentInWindow() {
        return sentInWindow.sum();
    }

    long ackedInWindow() {
        return ackedInWindow.sum();
    }

    public long sentTotal() {
        return sentTotal.sum();
    }

    public long ackedTotal() {
        return ackedTotal.sum();
    }

    long notSent() {
        return notSent.sum();
    }

    public long unanswered() {
        return unanswered.sum();
    }

    long disconnects() {
        return disconnects.sum();
    }

    long reconnects() {
        return reconnects.sum();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((code, count) -> counts.put(code, count.sum()));
        return counts;
    }

    public Histogram latencyMicros() {
        return latencyMicros.copy();
    }
}

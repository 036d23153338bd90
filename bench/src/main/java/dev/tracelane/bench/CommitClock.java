package dev.tracelane.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Commit-to-subscriber latency, as QUALITY.md defines it: each ack says when its reading's transaction
 * committed (server clock, the same machine), and each update a dashboard receives is timed from that commit.
 * The commits of each shipment's last readings are kept in a small ring, so the bench holds no garbage per
 * reading; an update that arrives before its ack waits aside and is timed at the end.
 */
final class CommitClock {
    /** Readings per shipment remembered: minutes of them at the bench's one a second. */
    private static final int REMEMBERED = 256;
    private final Map<String, Integer> shipmentOf = new HashMap<>();
    /** Per shipment: reading time and commit time, in pairs, written round. */
    private final long[][] rings;
    private final int[] next;

    /** The arrivals of one kind of subscriber. */
    static final class Arrivals {
        private final Recorder timed = new Recorder(3);
        /** {shipment, reading ms, arrival ms} of arrivals that came before their ack. */
        private final ConcurrentLinkedQueue<long[]> early = new ConcurrentLinkedQueue<>();
    }

    /** @param references shipment references, by the index of the tracker that reports them */
    CommitClock(List<String> references) {
        for (int i = 0; i < references.size(); i++) {
            shipmentOf.put(references.get(i), i);
        }
        rings = new long[references.size()][2 * REMEMBERED];
        next = new int[references.size()];
    }

    void committed(int shipment, long readingMillis, long committedMillis) {
        long[] ring = rings[shipment];
        synchronized (ring) {
            int slot = next[shipment];
            ring[2 * slot] = readingMillis;
            ring[2 * slot + 1] = committedMillis;
            next[shipment] = (slot + 1) % REMEMBERED;
        }
    }

    void arrived(Arrivals into, String reference, long readingMillis, long arrivedMillis) {
        Integer shipment = reference == null ? null : shipmentOf.get(reference);
        if (shipment == null) {
            return;
        }
        long committed = commitOf(shipment, readingMillis);
        if (committed < 0) {
            into.early.add(new long[]{shipment, readingMillis, arrivedMillis});
        } else {
            into.timed.recordValue(Math.max(0, arrivedMillis - committed));
        }
    }

    /** Latency in ms of every arrival whose commit is known; {@code unmatched[0]} counts the others. */
    Histogram latency(Arrivals of, long[] unmatched) {
        Histogram histogram = of.timed.getIntervalHistogram();
        for (long[] a : of.early) {
            long committed = commitOf((int) a[0], a[1]);
            if (committed < 0) {
                unmatched[0]++;
            } else {
                histogram.recordValue(Math.max(0, a[2] - committed));
            }
        }
        return histogram;
    }

    /** The commit time of a shipment's reading, or -1 when its ack has not come (or is long forgotten). */
    private long commitOf(int shipment, long readingMillis) {
        long[] ring = rings[shipment];
        synchronized (ring) {
            for (int back = 1; back <= REMEMBERED; back++) { // newest first: most arrivals are of it
                int i = Math.floorMod(next[shipment] - back, REMEMBERED);
                if (ring[2 * i] == readingMillis && ring[2 * i + 1] != 0) {
                    return ring[2 * i + 1];
                }
            }
        }
        return -1;
    }
}

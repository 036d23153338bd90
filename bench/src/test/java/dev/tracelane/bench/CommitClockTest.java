package dev.tracelane.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommitClockTest {
    @Test
    void anArrivalIsTimedFromItsReadingsCommitWhicheverCameFirst() {
        CommitClock clock = new CommitClock(List.of("A", "B"));
        CommitClock.Arrivals arrivals = new CommitClock.Arrivals();
        clock.arrived(arrivals, "B", 1_000, 1_090);
        clock.committed(1, 1_000, 1_030);
        clock.arrived(arrivals, "A", 1_000, 1_500);
        long[] unmatched = {0};
        Histogram latency = clock.latency(arrivals, unmatched);
        assertEquals(1, latency.getTotalCount());
        assertEquals(60, latency.getMaxValue());
        assertEquals(1, unmatched[0]);
    }

    @Test
    void aShipmentsRecentReadingsAreTimedEachFromItsOwnCommit() {
        CommitClock clock = new CommitClock(List.of("A"));
        CommitClock.Arrivals arrivals = new CommitClock.Arrivals();
        for (long reading = 0; reading < 300_000; reading += 1_000) {
            clock.committed(0, reading, reading + 20);
        }
        clock.arrived(arrivals, "A", 299_000, 299_070);
        clock.arrived(arrivals, "A", 250_000, 250_040);
        long[] unmatched = {0};
        Histogram latency = clock.latency(arrivals, unmatched);
        assertEquals(2, latency.getTotalCount());
        assertEquals(20, latency.getMinValue());
        assertEquals(50, latency.getMaxValue());
        assertEquals(0, unmatched[0]);
    }
}

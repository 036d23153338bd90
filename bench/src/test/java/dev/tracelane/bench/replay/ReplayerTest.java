package dev.tracelane.bench.replay;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayerTest {
    private static Ping ping(String trip, long ts) {
        return new Ping(trip, ts, 1, 2, null, null);
    }

    @Test
    void tripsAreMergedStepByStepAndALatePingGoesWhenItWasSent() {
        long t = 29_666_667L * 60; // a whole minute, so a whole 20-s step
        TripData a = new TripData(Fixtures.trip("a", null),
                List.of(ping("a", t), ping("a", t + 60), ping("a", t + 180), ping("a", t + 120)), List.of());
        TripData b = new TripData(Fixtures.trip("b", null), List.of(ping("b", t + 65), ping("b", t + 65)),
                List.of());
        NavigableMap<Long, Map<Integer, List<Ping>>> steps = Replayer.steps(List.of(a, b), 20);
        assertEquals(List.of(t, t + 60, t + 180), List.copyOf(steps.keySet()));
        assertEquals(List.of(ping("a", t + 60)), steps.get(t + 60).get(0));
        assertEquals(2, steps.get(t + 60).get(1).size(), "a duplicate goes with its original");
        assertEquals(List.of(ping("a", t + 180), ping("a", t + 120)), steps.get(t + 180).get(0),
                "the late ping follows the newer one it was sent after");
    }

    @Test
    void eventsCarryTheirTimestampAsIdAndOnlyTheFieldsGiven() {
        assertEquals("{\"id\":\"1780000020\",\"ts\":\"" + Instant.ofEpochSecond(1_780_000_020L)
                        + "\",\"lat\":40.000000,\"lon\":-90.123457,\"speed\":12.3,\"temperature\":4.1}",
                ReplaySocket.event(new Ping("x", 1_780_000_020L, 40, -90.1234567, 12.34, 4.06)));
        assertEquals("{\"id\":\"1780000020\",\"ts\":\"2026-05-28T20:27:00Z\",\"lat\":40.000000,\"lon\":-90.000000}",
                ReplaySocket.event(new Ping("x", 1_780_000_020L, 40, -90, null, null)));
    }

    @Test
    void dataIsShiftedByWholeWeeksToEndADayBeforeNow() {
        TripData trip = Fixtures.straight("s", null, Fixtures.T0, 10, 0, null);
        Instant now = Instant.ofEpochSecond(Fixtures.T0 + 30 * 86_400);
        long shift = TimeShift.seconds(List.of(trip), now);
        assertEquals(4 * TimeShift.WEEK_SECONDS, shift, "29 days less the trip, in whole weeks");
        long newest = trip.shifted(shift).pings().get(10).ts();
        assertTrue(newest <= now.getEpochSecond() - TimeShift.MARGIN_SECONDS
                && newest > now.getEpochSecond() - TimeShift.MARGIN_SECONDS - TimeShift.WEEK_SECONDS);
        assertEquals(-TimeShift.WEEK_SECONDS, TimeShift.seconds(List.of(trip), Instant.ofEpochSecond(Fixtures.T0)),
                "data from the future moves back");
    }
}

package dev.tracelane.bench.replay;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InjectorTest {
    private static final TripData TRIP = Fixtures.straight("i", "A -> B", Fixtures.T0, 200, 10, 4.0);
    private static final TripTimeline CLEAN = TripTimeline.of(TRIP);
    private static final long START = Fixtures.T0 + 60 * 60;

    @Test
    void aDetourRampsOutSidewaysToItsSizeAndBack() {
        Injector.Result result = Injector.detour(TRIP, CLEAN, START, 20, 600);
        assertEquals(new Injection("i", Anomaly.DETOUR, 600, START, START + 1200), result.injection());
        List<Ping> before = TRIP.pings();
        List<Ping> after = result.data().pings();
        for (int i = 0; i < before.size(); i++) {
            double off = before.get(i).at().metersTo(after.get(i).at());
            long ts = before.get(i).ts();
            if (ts <= START || ts >= START + 1200) {
                assertEquals(0, off, 1e-6, "untouched outside the detour");
            } else if (ts >= START + 120 && ts <= START + 1080) {
                assertEquals(600, off, 6, "at full size in the middle");
                double bearing = before.get(i).at().bearingTo(after.get(i).at());
                assertEquals(180, bearing, 2, "perpendicular to a truck heading east: to its right, south");
            } else {
                assertTrue(off > 0 && off < 600, "ramping: " + off);
            }
        }
    }

    @Test
    void aStopStandsStillAndDelaysEverythingAfter() {
        TripData withEvent = new TripData(TRIP.trip(), TRIP.pings(),
                List.of(new TripEvent("i", TripEvent.STOP, START + 3600, START + 4800)));
        Injector.Result result = Injector.stop(withEvent, START, 20, new Random(1));
        assertEquals(new Injection("i", Anomaly.STOP, 20, START, START + 1200), result.injection());
        List<Ping> after = result.data().pings();
        assertEquals(TRIP.pings().size() + 20, after.size());
        Ping anchor = TRIP.pings().stream().filter(p -> p.ts() == START).findFirst().orElseThrow();
        for (Ping p : after) {
            if (p.ts() > START && p.ts() <= START + 1200) {
                assertTrue(p.at().metersTo(anchor.at()) < 50, "stands at the anchor, give or take GPS noise");
                assertEquals(0.0, p.speed());
            }
        }
        Ping last = after.get(after.size() - 1);
        assertEquals(TRIP.pings().get(TRIP.pings().size() - 1).ts() + 1200, last.ts());
        assertEquals(START + 4800, result.data().events().get(0).startTs(), "later events move too");
        assertEquals(after.size(), after.stream().map(Ping::ts).distinct().count(), "timestamps stay unique");
    }

    @Test
    void anOutageDropsItsPings() {
        Injector.Result result = Injector.outage(TRIP, START, 20);
        assertEquals(TRIP.pings().size() - 20, result.data().pings().size());
        assertTrue(result.data().pings().stream().noneMatch(p -> p.ts() >= START && p.ts() < START + 1200));
        assertEquals(new Injection("i", Anomaly.OUTAGE, 20, START, START + 1200), result.injection());
    }

    @Test
    void aReeferFailureWarmsToTwelveHoldsAndCoolsBack() {
        assertEquals(4, Injector.warmingAt(0), 1e-9);
        assertEquals(8, Injector.warmingAt(10), 1e-9);
        assertEquals(12, Injector.warmingAt(35), 1e-9);
        assertEquals(8, Injector.warmingAt(55), 1e-9);
        Injector.Result result = Injector.warming(TRIP, START, new Random(1));
        assertEquals(START + 3600, result.injection().endTs());
        for (Ping p : result.data().pings()) {
            double minutes = (p.ts() - START) / 60.0;
            double expected = minutes >= 0 && minutes < 60 ? Injector.warmingAt(minutes) : 4.0;
            assertEquals(expected, p.temperature(), 1.0);
        }
    }
}

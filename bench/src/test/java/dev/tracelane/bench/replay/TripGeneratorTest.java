package dev.tracelane.bench.replay;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TripGeneratorTest {
    private static List<TripData> trips;

    @BeforeAll
    static void generate() {
        trips = TripGenerator.single(42, 90, 6);
    }

    @Test
    void theSameSeedWritesTheSameFiles(@TempDir Path dir) throws IOException {
        List<TripData> small = TripGenerator.single(7, 6, 2);
        TripFiles.write(dir.resolve("a"), small);
        TripFiles.write(dir.resolve("b"), TripGenerator.single(7, 6, 2));
        for (String file : List.of(TripFiles.TRIPS, TripFiles.PINGS, TripFiles.EVENTS)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertFalse(small.equals(TripGenerator.single(8, 6, 2)), "another seed, other trips");
        assertEquals("trip_id,lane,origin_lat,origin_lon,dest_lat,dest_lon,planned_departure,promised_until",
                Files.readAllLines(dir.resolve("a").resolve(TripFiles.TRIPS)).get(0));
        assertEquals("trip_id,ts,lat,lon,speed,temperature",
                Files.readAllLines(dir.resolve("a").resolve(TripFiles.PINGS)).get(0));
        assertEquals("trip_id,kind,start_ts,end_ts", Files.readAllLines(dir.resolve("a").resolve(TripFiles.EVENTS)).get(0));
        List<TripData> read = TripFiles.read(dir.resolve("a").resolve(TripFiles.TRIPS),
                dir.resolve("a").resolve(TripFiles.PINGS), dir.resolve("a").resolve(TripFiles.EVENTS));
        assertEquals(small.size(), read.size());
        assertEquals(small.get(0).pings().size(), read.get(0).pings().size());
        assertEquals(small.get(0).events(), read.get(0).events());
    }

    @Test
    void pingsComeOnceAMinuteAndOnlyAFewOutOfOrder() {
        int pings = 0;
        int backwards = 0;
        for (TripData t : trips) {
            long newest = Long.MIN_VALUE;
            for (Ping p : t.pings()) {
                pings++;
                backwards += p.ts() < newest ? 1 : 0;
                newest = Math.max(newest, p.ts());
                assertEquals(0, (p.ts() - t.pings().get(0).ts()) % 60, "on the trip's minute grid");
            }
        }
        assertTrue(backwards > 0 && backwards < pings * 0.01, backwards + " late of " + pings);
    }

    @Test
    void tripsLeaveTheOriginAndEndDwellingAtTheDestination() {
        for (TripData t : trips) {
            TripTimeline timeline = TripTimeline.of(t);
            assertTrue(timeline.pings().get(0).at().metersTo(t.trip().origin()) < 100, t.trip().id());
            assertTrue(timeline.arrived(), t.trip().id());
            List<Ping> pings = timeline.pings();
            int i = pings.size() - 1;
            while (i > 0 && pings.get(i - 1).at().metersTo(t.trip().destination()) <= 300) {
                i--;
            }
            assertTrue(pings.get(pings.size() - 1).ts() - pings.get(i).ts() >= 600, "dwells 10 min: " + t.trip().id());
        }
    }

    @Test
    void aboutThirtyPercentOfPromisedTripsArriveLate() {
        List<TripData> promised = trips.stream().filter(t -> t.trip().promisedUntil() != null).toList();
        long late = promised.stream().filter(t -> TripTimeline.of(t).arrivalTs()
                > t.trip().promisedUntil().getEpochSecond()).count();
        double share = late / (double) promised.size();
        assertTrue(share >= 0.2 && share <= 0.4, "late share " + share);
        assertTrue(promised.size() < trips.size(), "some trips carry no promise");
    }

    @Test
    void lanesRecurAndReefersStayInRange() {
        assertEquals(6, trips.stream().map(t -> t.trip().lane()).distinct().count());
        List<Double> temperatures = trips.stream().flatMap(t -> t.pings().stream()).map(Ping::temperature)
                .filter(Objects::nonNull).toList();
        assertFalse(temperatures.isEmpty());
        assertTrue(temperatures.stream().allMatch(c -> c > 2 && c < 8));
        long reefers = trips.stream().filter(TripData::reefer).count();
        assertTrue(reefers > 10 && reefers < 45, reefers + " reefers");
    }

    @Test
    void longTripsRestAsTheRulesSay() {
        boolean rested = false;
        for (TripData t : trips) {
            for (TripEvent e : t.events()) {
                if (e.kind().equals(TripEvent.REST)) {
                    rested = true;
                    assertTrue(e.minutes() >= 600, "a rest is 10 hours");
                }
                if (e.kind().equals(TripEvent.BREAK)) {
                    assertTrue(e.minutes() >= 30, "a break is 30 minutes");
                }
            }
        }
        assertTrue(rested, "some trip is long enough to need a 10-hour rest");
    }

    @Test
    void theSplitKeepsTrainBeforeTestAndHeldoutOnOtherRoads() {
        TripGenerator.Split split = TripGenerator.split(3, 24, 4);
        assertEquals(24, split.train().size());
        assertEquals(6, split.test().size());
        assertEquals(6, split.heldout().size());
        Set<String> trainLanes = lanes(split.train());
        assertTrue(trainLanes.containsAll(lanes(split.test())));
        Set<String> trainRoads = trainLanes.stream().map(TripGeneratorTest::road).collect(Collectors.toSet());
        assertTrue(lanes(split.heldout()).stream().map(TripGeneratorTest::road).noneMatch(trainRoads::contains));
        long trainEnd = split.train().stream().flatMap(t -> t.pings().stream()).mapToLong(Ping::ts).max().orElseThrow();
        long testStart = split.test().stream().flatMap(t -> t.pings().stream()).mapToLong(Ping::ts).min().orElseThrow();
        assertTrue(trainEnd < testStart);
        assertNotNull(split.test().get(0).trip().id());
    }

    @Test
    void roadsAreLongerThanTheGreatCircleByARoadsShare() {
        List<Lane> lanes = LanePlanner.plan(9, new Random(1), Set.of());
        for (Lane lane : lanes) {
            double direct = lane.origin().at().metersTo(lane.destination().at());
            assertTrue(direct >= LanePlanner.MIN_METERS && direct <= LanePlanner.MAX_METERS);
            double circuity = lane.road().length() / direct;
            assertTrue(circuity > 1.09 && circuity < 1.31, lane.name() + " circuity " + circuity);
        }
    }

    /** A lane's road, the same in both directions. */
    private static String road(String lane) {
        return Stream.of(lane.split(" -> ")).sorted().collect(Collectors.joining("|"));
    }

    private static Set<String> lanes(List<TripData> trips) {
        return trips.stream().map(t -> t.trip().lane()).collect(Collectors.toSet());
    }
}

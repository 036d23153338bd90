package dev.tracelane.bench.replay;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselinesTest {
    private static final String LANE = "A -> B";

    private static TripTimeline drive(String id, String lane, int minutes) {
        return TripTimeline.of(Fixtures.straight(id, lane, Fixtures.T0, minutes, 10, null));
    }

    @Test
    void distanceOverSpeedDividesWhatIsLeftByTheSpeedSoFar() {
        assertEquals(3600, Baselines.distanceOverSpeed(72_000, 36_000, 1800), 1e-9);
        assertTrue(Double.isNaN(Baselines.distanceOverSpeed(72_000, 0, 1800)));
    }

    @Test
    void laneMedianIsTheMedianDurationMinusTheTimeElapsed() {
        List<TripTimeline> train = List.of(drive("1", LANE, 100), drive("2", LANE, 140), drive("3", LANE, 120));
        Baselines baselines = Baselines.learn(train);
        double median = train.get(2).arrivalTs() - train.get(2).firstTs();
        assertEquals(median - 1800, baselines.laneMedian(Fixtures.trip("x", LANE), 1800), 1e-9);
        assertEquals(0, baselines.laneMedian(Fixtures.trip("x", LANE), 1e6), "never below zero");
        assertTrue(baselines.knowsLane(LANE));
    }

    @Test
    void anUnknownLaneFallsBackOnTheMedianSpeedOfAllTrainTrips() {
        List<TripTimeline> train = List.of(drive("1", LANE, 100), drive("2", "C -> D", 200), drive("3", LANE, 150));
        Baselines baselines = Baselines.learn(train);
        TripTimeline middle = train.get(2);
        double roadMeters = Fixtures.ORIGIN.metersTo(Fixtures.DESTINATION) * Baselines.CIRCUITY;
        double speed = roadMeters / (middle.arrivalTs() - middle.firstTs());
        assertEquals(roadMeters / speed - 600, baselines.laneMedian(Fixtures.trip("x", "E -> F"), 600), 1e-6);
        assertEquals(roadMeters / speed * 0.5,
                baselines.laneProgress(Fixtures.trip("x", null), Fixtures.ORIGIN.towards(Fixtures.DESTINATION, 0.5)),
                roadMeters / speed * 0.01);
    }

    @Test
    void laneProgressTakesTheMedianTimeToGoAtTheSameProgress() {
        List<TripTimeline> train = List.of(drive("1", LANE, 100), drive("2", LANE, 200), drive("3", LANE, 300));
        Baselines baselines = Baselines.learn(train);
        LatLon halfway = Fixtures.ORIGIN.towards(Fixtures.DESTINATION, 0.5);
        // the 200-minute trip is halfway after 100 minutes and arrives (within 1,500 m) at 197 minutes
        TripTimeline median = train.get(1);
        double expected = median.arrivalTs() - (median.firstTs() + 100 * 60);
        assertEquals(expected, baselines.laneProgress(Fixtures.trip("x", LANE), halfway), 90);
        assertEquals(0.5, Baselines.progress(Fixtures.trip("x", LANE), halfway), 0.01);
        assertEquals(0, Baselines.progress(Fixtures.trip("x", LANE), Fixtures.ORIGIN.offset(270, 5_000)));
    }

    @Test
    void withoutATrainSetTheLaneBaselinesHaveNoAnswer() {
        Baselines none = Baselines.learn(List.of());
        assertTrue(Double.isNaN(none.laneMedian(Fixtures.trip("x", LANE), 60)));
        assertTrue(Double.isNaN(none.laneProgress(Fixtures.trip("x", LANE), Fixtures.ORIGIN)));
    }
}

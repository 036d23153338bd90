package dev.tracelane.tools.eta;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @Test
    void levelsSpreadEvenlyTakeTheForecastAsItIsHoweverFewTheTrips() {
        Calibration calibration = Calibration.of("lane", spread(9));
        assertThat(calibration.level(1, 0.1)).isCloseTo(0.1, within(1e-9));
        assertThat(calibration.level(1, 0.5)).isCloseTo(0.5, within(1e-9));
        assertThat(calibration.level(1, 0.9)).isCloseTo(0.9, within(1e-9));
        assertThat(calibration.probabilityAbove(1, 0.3)).isCloseTo(0.7, within(0.02));
    }

    @Test
    void withoutEnoughTripsTheForecastIsTakenAsItIs() {
        Calibration calibration = Calibration.of("lane", spread(2));
        assertThat(calibration.covers(0)).isFalse();
        assertThat(calibration.level(0, 0.9)).isCloseTo(0.9, within(1e-9));
        assertThat(calibration.probabilityAbove(0, 0.7)).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void aLanesFewTripsLeanOnThePoolAndWeighMoreAsTheyGrow() {
        Calibration pool = Calibration.of("all lanes", spread(20));
        double fewLate = Calibration.of("lane", late(2)).leaningOn(pool).level(1, 0.5);
        double manyLate = Calibration.of("lane", late(20)).leaningOn(pool).level(1, 0.5);
        assertThat(fewLate).isBetween(0.5, 0.7);
        assertThat(manyLate).isGreaterThan(0.8);
    }

    @Test
    void aLaneWithoutTripsTakesThePoolsLevels() {
        Calibration pool = Calibration.of("new lanes", late(10));
        Calibration lane = Calibration.of("lane", List.of()).leaningOn(pool);
        assertThat(lane.level(1, 0.5)).isCloseTo(pool.level(1, 0.5), within(1e-9));
        assertThat(lane.probabilityAbove(1, 0.5)).isCloseTo(pool.probabilityAbove(1, 0.5), within(1e-9));
        assertThat(lane.source(1)).isEqualTo("new lanes");
    }

    @Test
    void aLaneLeaningOnAPoolSaysHowManyTripsOfEachSetTheWindow() {
        Calibration lane = Calibration.of("lane", late(2)).leaningOn(Calibration.of("all lanes", spread(20)));
        assertThat(lane.source(1)).isEqualTo("lane and all lanes");
        assertThat(lane.describe(1)).startsWith("window from 2 of this lane's delivered trips beside 20 of all lanes");
    }

    @Test
    void whereNeitherTheLaneNorThePoolHasEnoughLevelsTheForecastIsTakenAsItIsAndSaysSo() {
        Calibration lane = Calibration.of("lane", late(2)).leaningOn(Calibration.of("all lanes", spread(20)));
        assertThat(lane.level(10, 0.9)).isCloseTo(0.9, within(1e-9));
        assertThat(lane.source(10)).isEqualTo("none");
        assertThat(lane.describe(10)).startsWith("window from the forecast alone");
    }

    /** Trips whose arrivals all fell at 0.9 of their forecasts: later than forecast. */
    private static List<LaneTrip> late(int trips) {
        List<LaneTrip> history = new ArrayList<>();
        for (int t = 0; t < trips; t++) {
            double[] levels = new double[LaneTrip.STEPS];
            Arrays.fill(levels, 0.9);
            history.add(trip(t, levels));
        }
        return history;
    }

    /**
     * Trips whose levels, pooled over bucket 1 and its neighbours, fall at k / (3n + 1): what a forecast right in
     * centre and spread leaves behind.
     */
    private static List<LaneTrip> spread(int trips) {
        int n = 3 * trips;
        List<LaneTrip> history = new ArrayList<>();
        for (int t = 0; t < trips; t++) {
            double[] levels = new double[LaneTrip.STEPS];
            Arrays.fill(levels, Double.NaN);
            for (int b = 0; b < 3; b++) {
                levels[b] = (1.0 + t * 3 + b) / (n + 1);
            }
            history.add(trip(t, levels));
        }
        return history;
    }

    private static LaneTrip trip(long id, double[] levels) {
        return new LaneTrip(id, "L", T0, T0.plusSeconds(3_600), 1, 1, new double[LaneTrip.STEPS + 1],
                new double[TripTrace.HOURS_OF_WEEK], new double[TripTrace.HOURS_OF_WEEK],
                new double[LaneTrip.STEPS], new double[LaneTrip.STEPS], 0, levels, LaneStage.KNOWN, Double.NaN);
    }
}

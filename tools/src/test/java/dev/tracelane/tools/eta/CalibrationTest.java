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
        Calibration calibration = of(9);
        assertThat(calibration.level(1, 0.1)).isCloseTo(0.1, within(1e-9));
        assertThat(calibration.level(1, 0.5)).isCloseTo(0.5, within(1e-9));
        assertThat(calibration.level(1, 0.9)).isCloseTo(0.9, within(1e-9));
        assertThat(calibration.probabilityAbove(1, 0.3)).isCloseTo(0.7, within(0.02));
    }

    @Test
    void withoutEnoughTripsTheForecastIsTakenAsItIs() {
        Calibration calibration = of(2);
        assertThat(calibration.covers(0)).isFalse();
        assertThat(calibration.level(0, 0.9)).isEqualTo(0.9);
        assertThat(calibration.probabilityAbove(0, 0.7)).isCloseTo(0.3, within(1e-9));
    }

    /**
     * Trips whose levels, pooled over bucket 1 and its neighbours, fall at k / (3n + 1): what a forecast right in
     * centre and spread leaves behind.
     */
    private static Calibration of(int trips) {
        int n = 3 * trips;
        List<LaneTrip> history = new ArrayList<>();
        for (int t = 0; t < trips; t++) {
            double[] levels = new double[LaneTrip.STEPS];
            Arrays.fill(levels, Double.NaN);
            for (int b = 0; b < 3; b++) {
                levels[b] = (1.0 + t * 3 + b) / (n + 1);
            }
            history.add(new LaneTrip(t, "L", T0, T0.plusSeconds(3_600), 1, 1, new double[LaneTrip.STEPS + 1],
                    new double[TripTrace.HOURS_OF_WEEK], new double[TripTrace.HOURS_OF_WEEK],
                    new double[LaneTrip.STEPS], new double[LaneTrip.STEPS], 0, levels, true));
        }
        return Calibration.of("lane", history);
    }
}

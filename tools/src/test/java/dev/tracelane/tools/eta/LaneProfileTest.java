package dev.tracelane.tools.eta;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A lane near the daily driving limit: its fast trips (an hour per twentieth of the road) arrive without a
 * rest, its slow ones (72 minutes per twentieth) rest ten hours on the way.
 */
class LaneProfileTest {
    private static final Instant T0 = Instant.parse("2026-11-16T06:00:00Z");
    private static final double FAST = 3_600;
    private static final double SLOW = 4_320;
    private static final double REST = 36_000;

    @Test
    void pastTripsThatDroveAsLongToGetHereWeighMost() {
        LaneProfile lane = lane(2, 6);
        double noRestAhead = 15 * SLOW; // what a quarter of the way in only the fast trips had left
        LaneProfile.FromHere fast = lane.fromHere(0.25, 5 * FAST);
        assertThat(shareOf(fast, s -> s < noRestAhead)).isGreaterThan(0.75);
        LaneProfile.FromHere slow = lane.fromHere(0.25, 5 * SLOW);
        assertThat(shareOf(slow, s -> s > noRestAhead)).isGreaterThan(0.9);
    }

    @Test
    void aTruckUnlikeAnyPastTripStillHearsEveryOne() {
        LaneProfile.FromHere far = lane(2, 6).fromHere(0.25, 20 * FAST);
        assertThat(Arrays.stream(far.weights()).min().orElseThrow()).isGreaterThanOrEqualTo(0.25 / 8);
        assertThat(Arrays.stream(far.weights()).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void beforeHalfAnHourOfDrivingEveryPastTripWeighsAlike() {
        LaneProfile.FromHere early = lane(2, 6).fromHere(0.01, 600);
        assertThat(early.weights()).containsOnly(1.0 / 8);
    }

    private static double shareOf(LaneProfile.FromHere here, DoublePredicate which) {
        double share = 0;
        for (int i = 0; i < here.secondsToGo().length; i++) {
            share += which.test(here.secondsToGo()[i]) ? here.weights()[i] : 0;
        }
        return share;
    }

    private static LaneProfile lane(int fast, int slow) {
        List<LaneTrip> trips = new ArrayList<>();
        for (int i = 0; i < fast + slow; i++) {
            boolean isFast = i < fast;
            trips.add(trip(i, isFast ? FAST : SLOW, isFast ? 0 : REST));
        }
        return new LaneProfile(trips);
    }

    /** Every twentieth of the road driven in {@code perStep} seconds; a rest of {@code rest} at half way. */
    private static LaneTrip trip(long id, double perStep, double rest) {
        double[] toGo = new double[LaneTrip.STEPS + 1];
        for (int step = LaneTrip.STEPS - 1; step >= 0; step--) {
            toGo[step] = toGo[step + 1] + perStep + (step == LaneTrip.STEPS / 2 ? rest : 0);
        }
        double[] segmentSeconds = new double[LaneTrip.STEPS];
        Arrays.fill(segmentSeconds, perStep);
        double[] segmentMeters = new double[LaneTrip.STEPS];
        Arrays.fill(segmentMeters, 50_000);
        double[] levels = new double[LaneTrip.STEPS];
        Arrays.fill(levels, Double.NaN);
        return new LaneTrip(id, "L", T0, T0.plusSeconds((long) toGo[0]), 1_000_000, 1.2, toGo,
                new double[TripTrace.HOURS_OF_WEEK], new double[TripTrace.HOURS_OF_WEEK], segmentMeters,
                segmentSeconds, 0, levels, true);
    }
}

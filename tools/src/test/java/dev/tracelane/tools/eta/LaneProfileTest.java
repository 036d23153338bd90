package dev.tracelane.tools.eta;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a lane's delivered trips say of a truck's pace from its cruising speed, and of the time it has to go. */
class LaneProfileTest {
    private static final Instant T0 = Instant.parse("2026-11-16T06:00:00Z");
    /** Each trip's road: twenty stretches of 10 km, driven at 25 m/s times the trip's pace. */
    private static final double STRETCH = 10_000;
    private static final double TO_GO = 7_200;
    private static final double TOWN = 8;
    private static final double HIGHWAY = 25;
    /** A Monday, 07:00 UTC: an hour after {@link #T0}. */
    private static final Instant SLOW_HOUR = Instant.parse("2026-11-16T07:00:00Z");

    @Test
    void aTrucksPaceIsItsCruisingSpeedOverTheMedianOfTheLanesTrips() {
        LaneProfile lane = new LaneProfile(List.of(trip(1, 24), trip(1, 25), trip(1, 25), trip(1, 26),
                trip(1, 30)));
        assertThat(lane.cruisingPace(27.5)).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void aLaneWithFewerThanFiveTripsThatCruisedTellsNoPaceFromCruising() {
        LaneProfile lane = new LaneProfile(List.of(trip(1, 25), trip(1, 25), trip(1, 25), trip(1, 25),
                trip(1, Double.NaN)));
        assertThat(lane.cruisingPace(27.5)).isNaN();
    }

    @Test
    void aPastTripsDrivingAheadIsTakenAtThisTrucksPaceAndItsStopsAreNot() {
        List<LaneTrip> trips = new ArrayList<>(List.of(trip(1.1, 27.5)));
        for (int i = 0; i < 4; i++) {
            trips.add(trip(1, 25));
        }
        LaneProfile lane = new LaneProfile(trips);
        // half way, the fast trip had 10 stretches of 10 km at 25 x 1.1 m/s ahead: 3,636 s of its 7,200
        double drivingAhead = 10 * STRETCH / (25 * 1.1);
        assertThat(lane.timesToGo(0.5, 1)[0]).isCloseTo(TO_GO + drivingAhead * 0.1, within(1.0));
        assertThat(lane.timesToGo(0.5, 1)[1]).isCloseTo(TO_GO, within(1.0));
    }

    @Test
    void aPastTripStoredWithoutACruisingSpeedIsTakenAsItWas() {
        LaneProfile lane = new LaneProfile(List.of(trip(0.8, Double.NaN), trip(1, 25), trip(1, 25), trip(1, 25),
                trip(1, 25), trip(1, 25)));
        assertThat(lane.timesToGo(0.5, 1.1)[0]).isEqualTo(TO_GO);
    }

    @Test
    void pastTripsAreTakenAsTheyWereWithoutThisTrucksPace() {
        LaneProfile lane = new LaneProfile(List.of(trip(1.1, 27.5), trip(1, 25), trip(1, 25), trip(1, 25),
                trip(1, 25)));
        assertThat(lane.timesToGo(0.5, Double.NaN)).containsOnly(TO_GO);
    }

    @Test
    void theTownStretchDrivenInTheMorningDoesNotSlowTheMorningsHighway() {
        LaneProfile lane = new LaneProfile(Collections.nCopies(10, timedTrip(T0, 1)));
        assertThat(lane.speedAt(T0.plusSeconds(1_800), 0.5)).isCloseTo(HIGHWAY, within(0.5));
    }

    @Test
    void anHourWhenTrucksDriveSlowerOnEveryStretchSlowsTheLanesSpeedThen() {
        LaneProfile lane = new LaneProfile(timedTrips(9, 0.6));
        double unseenHour = lane.speedAt(T0.plusSeconds(6 * 3_600), 0.5);
        assertThat(lane.speedAt(SLOW_HOUR.plusSeconds(1_800), 0.5) / unseenHour).isBetween(0.6, 0.75);
    }

    @Test
    void aSlowHourSeenOnOneTripCountsLessThanOneSeenOnNine() {
        Instant slow = SLOW_HOUR.plusSeconds(1_800);
        double once = new LaneProfile(timedTrips(1, 0.6)).speedAt(slow, 0.5);
        double often = new LaneProfile(timedTrips(9, 0.6)).speedAt(slow, 0.5);
        assertThat(once).isGreaterThan(often * 1.1);
    }

    /** {@code n} trips set off a quarter of an hour apart from 05:00, so the slow hour falls on other stretches. */
    private static List<LaneTrip> timedTrips(int n, double slowHour) {
        List<LaneTrip> trips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            trips.add(timedTrip(T0.minusSeconds(3_600).plusSeconds(900L * i), slowHour));
        }
        return trips;
    }

    /**
     * A trip that drove every stretch at {@code pace} times 25 m/s and cruised at {@code cruising} m/s (NaN:
     * learned before cruising speeds were kept), {@link #TO_GO} seconds from arrival at every step.
     */
    private static LaneTrip trip(double pace, double cruising) {
        double[] meters = new double[LaneTrip.STEPS];
        double[] seconds = new double[LaneTrip.STEPS];
        Arrays.fill(meters, STRETCH);
        Arrays.fill(seconds, STRETCH / (25 * pace));
        double[] hours = new double[TripTrace.HOURS_OF_WEEK];
        double[] levels = new double[LaneTrip.STEPS];
        Arrays.fill(levels, Double.NaN);
        double[] toGo = new double[LaneTrip.STEPS + 1];
        Arrays.fill(toGo, TO_GO);
        return new LaneTrip(1, "L", T0, T0.plusSeconds(36_000), STRETCH * LaneTrip.STEPS, 1, toGo, hours, hours,
                meters, seconds, 0, levels, LaneStage.CRUISING, cruising);
    }

    /**
     * A trip set off at {@code departed} without stopping: the first stretch in town at {@link #TOWN} m/s, the
     * rest at {@link #HIGHWAY} m/s, every stretch {@code slowHour} times as fast in {@link #SLOW_HOUR}'s hour.
     */
    private static LaneTrip timedTrip(Instant departed, double slowHour) {
        return NonstopTrips.driven(departed, STRETCH * LaneTrip.STEPS, (t, stretch) -> (stretch == 0 ? TOWN : HIGHWAY)
                * (!t.isBefore(SLOW_HOUR) && t.isBefore(SLOW_HOUR.plusSeconds(3_600)) ? slowHour : 1));
    }
}

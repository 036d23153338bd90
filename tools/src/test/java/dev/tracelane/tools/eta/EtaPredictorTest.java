package dev.tracelane.tools.eta;

import dev.tracelane.tools.plan.PlannedStop;
import dev.tracelane.tools.plan.ShipmentPlan;
import dev.tracelane.tracking.geo.GreatCircle;
import dev.tracelane.tracking.geo.RouteLine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The predictor on a straight 1,000 km east-west road along the equator, where a degree is ~111 km. */
class EtaPredictorTest {
    private static final Instant T0 = Instant.parse("2026-11-16T06:00:00Z"); // a Monday
    private static final double SPEED = 25;
    private static final double LENGTH = GreatCircle.meters(0, 0, 0, 9);
    private final EtaSettings settings = new EtaSettings();
    private final EtaPredictor predictor = new EtaPredictor(settings, 1_500);

    @Test
    void withoutLaneHistoryTheTrucksOwnSpeedCountsHalfAfterFourHoursAgainstATypicalOne() {
        TripTrace trace = driven(RestRules.NONE, 4 * 60);
        EtaPredictor.Prediction p = predict(plan(List.of(), null), trace, new LaneProfile(List.of()));
        double speed = (SPEED + settings.defaultSpeed()) / 2;
        double expected = (LENGTH - SPEED * 4 * 3_600 - 1_500) / speed * (1 + settings.pauseShare());
        assertThat(p.rawSeconds()).isCloseTo(expected, within(120.0));
        assertThat(p.estimate().basis().restsAhead()).isEmpty();
        assertThat(p.estimate().basis().speed())
                .isEqualTo("this truck's speed so far (90 km/h), weighed 50 % against a typical one");
    }

    @Test
    void anHourLeavingTownSlowlyDoesNotSetTheSpeedForTheRoadAhead() {
        TripTrace trace = driven(RestRules.NONE, 60, 10);
        EtaPredictor.Prediction p = predict(plan(List.of(), null), trace, new LaneProfile(List.of()));
        double speed = (10 + 4 * settings.defaultSpeed()) / 5;
        double expected = (LENGTH - 10 * 3_600 - 1_500) / speed * (1 + settings.pauseShare());
        assertThat(p.rawSeconds()).isCloseTo(expected, within(120.0));
    }

    @Test
    void usHoursOfServicePlanABreakAndADailyRestOnALongHaul() {
        settings.setPauseShare(0); // the rules alone: no fuel or meal stops that would stand in for the break
        EtaPredictor.Prediction p = predict(plan(List.of(), null), driven(RestRules.US, 60), new LaneProfile(List.of()));
        // 11.1 h of driving in all: the 30 min break falls due at 8 h, the 10 h rest at 11 h
        assertThat(p.estimate().basis().restsAhead()).extracting(EtaBasis.Rest::kind)
                .containsExactly("break", "daily rest");
        EtaPredictor.Prediction eu = predict(plan(List.of(), null), driven(RestRules.EU, 60), new LaneProfile(List.of()));
        // EU: 45 min at 4.5 h, 11 h at 9 h
        assertThat(eu.estimate().basis().restsAhead()).extracting(EtaBasis.Rest::kind)
                .containsExactly("break", "daily rest");
        assertThat(p.estimate().basis().restsAhead()).extracting(EtaBasis.Rest::minutes).containsExactly(30L, 600L);
        assertThat(eu.estimate().basis().restsAhead()).extracting(EtaBasis.Rest::minutes).containsExactly(45L, 660L);
    }

    @Test
    void aDailyRestUnderWayCountsOnlyWhatIsLeftOfIt() {
        settings.setPauseShare(0);
        TripTrace trace = driven(RestRules.US, 11 * 60);
        double beforeRest = predict(plan(List.of(), null), trace, new LaneProfile(List.of())).rawSeconds();
        Instant stoppedAt = trace.lastTs();
        double lon = 9 * SPEED * 60 * 11 * 60 / LENGTH;
        for (int m = 1; m <= 4 * 60; m++) {
            trace.add(stoppedAt.plusSeconds(60L * m), 0, lon);
        }
        EtaPredictor.Prediction resting = predict(plan(List.of(), null), trace, new LaneProfile(List.of()));
        assertThat(beforeRest - resting.rawSeconds()).isCloseTo(4 * 3_600, within(300.0));
        assertThat(resting.estimate().basis().restsAhead()).extracting(EtaBasis.Rest::minutes).containsExactly(360L);
    }

    @Test
    void theLanesPastTripsFromHereAreOutcomesBesideTheDrivesNotAnAverageWithThem() {
        settings.setLaneBlend(0.5);
        TripTrace trace = driven(RestRules.NONE, 60);
        EtaPredictor.Prediction alone = predict(plan(List.of(), null), trace, lane(0));
        double drive = alone.rawSeconds();
        double[] usual = new double[21];
        Arrays.fill(usual, drive + 6 * 3_600);
        EtaPredictor.Prediction p = predict(plan(List.of(), null), trace, lane(0, usual));
        // the lane weighs less than the drives: the median stays with them, the window reaches out to the lane
        assertThat(p.rawSeconds()).isCloseTo(drive, within(0.15 * drive));
        assertThat(Duration.between(alone.estimate().p90(), p.estimate().p90()).toHours()).isGreaterThanOrEqualTo(4);
        assertThat(p.estimate().basis().explanation()).contains("this lane's past trips from here weigh");
        settings.setLaneBlend(1);
        double outweighed = predict(plan(List.of(), null), trace, lane(0, usual)).rawSeconds();
        assertThat(outweighed).isCloseTo(drive + 6 * 3_600, within(0.1 * drive));
    }

    @Test
    void aDailyRestFallingDueJustBeforeAPlannedOvernightStopIsTakenThere() {
        settings.setPauseShare(0);
        double lon = 9 * SPEED * 3_600 * 11.05 / LENGTH; // three minutes of driving past the 11-hour limit
        List<PlannedStop> overnight = List.of(new PlannedStop("truck stop", 0, lon, 600 * 60));
        EtaPredictor.Prediction p = predict(plan(overnight, null), driven(RestRules.US, 60), new LaneProfile(List.of()));
        assertThat(p.estimate().basis().restsAhead()).extracting(EtaBasis.Rest::kind).containsExactly("break");
        assertThat(p.estimate().basis().stopsAhead()).isEqualTo(1);
    }

    @Test
    void aPlannedStopAheadAddsItsDwellAndOneBehindDoesNot() {
        TripTrace trace = driven(RestRules.NONE, 60);
        double base = predict(plan(List.of(), null), trace, new LaneProfile(List.of())).rawSeconds();
        List<PlannedStop> stops = List.of(new PlannedStop("behind", 0, 0.2, 3_600), new PlannedStop("ahead", 0, 5, 2_700));
        EtaPredictor.Prediction p = predict(plan(stops, null), trace, new LaneProfile(List.of()));
        assertThat(p.rawSeconds() - base).isCloseTo(2_700, within(300.0));
        assertThat(p.estimate().basis().stopsAhead()).isEqualTo(1);
    }

    @Test
    void theLanesHourlySpeedsSlowTheEstimateThroughItsSlowHours() {
        TripTrace trace = driven(RestRules.NONE, 60);
        double own = predict(plan(List.of(), null), trace, new LaneProfile(List.of())).rawSeconds();
        // a week on the road, half as fast from 07:00 to 19:00 UTC on every stretch, as five trips found
        LaneTrip week = NonstopTrips.driven(T0.minusSeconds(6 * 3_600), 10_000_000, (t, stretch) -> {
            int hour = TripTrace.hourOfWeek(t) % 24;
            return hour >= 7 && hour < 19 ? SPEED / 2 : SPEED;
        });
        List<LaneTrip> history = Collections.nCopies(5, week);
        EtaPredictor.Prediction p = predict(plan(List.of(), null), trace, new LaneProfile(history));
        assertThat(p.rawSeconds()).isGreaterThan(own * 1.2);
        assertThat(p.estimate().basis().speed()).startsWith("lane profile by stretch and hour of week");
    }

    @Test
    void aTrucksPaceIsItsCruisingAgainstTheLanesSoAJamBehindItDoesNotSlowTheRoadAhead() {
        LaneProfile lane = cruisingLane();
        TripTrace free = new TripTrace(RouteLine.straight(0, 0, 0, 9), 1, RestRules.NONE);
        TripTrace jammed = new TripTrace(RouteLine.straight(0, 0, 0, 9), 1, RestRules.NONE);
        double freeAt = 0;
        double jammedAt = 0;
        for (int m = 0; m <= 120; m++) {
            if (m <= 75) { // as long at cruising speed as the jammed truck
                free.add(T0.plusSeconds(60L * m), 0, 9 * freeAt / LENGTH);
            }
            jammed.add(T0.plusSeconds(60L * m), 0, 9 * jammedAt / LENGTH);
            freeAt += SPEED * 1.1 * 60;
            jammedAt += (m >= 30 && m < 75 ? 4 : SPEED * 1.1) * 60; // 45 minutes in a jam, else 10 % faster
        }
        EtaBasis cruised = predict(plan(List.of(), null), jammed, lane).estimate().basis();
        assertThat(cruised.metersPerSecond())
                .isCloseTo(predict(plan(List.of(), null), free, lane).estimate().basis().metersPerSecond(),
                        within(0.1))
                .isGreaterThan(SPEED * 1.07);
        assertThat(cruised.speed()).contains("it cruises 10 % faster than the lane's trucks");
    }

    /** Five trips at {@link #SPEED} at every hour and on every stretch, cruising at it. */
    private static LaneProfile cruisingLane() {
        double[] meters = new double[TripTrace.HOURS_OF_WEEK];
        double[] seconds = new double[TripTrace.HOURS_OF_WEEK];
        Arrays.fill(seconds, 3_600);
        Arrays.fill(meters, 3_600 * SPEED);
        double[] stretchMeters = new double[LaneTrip.STEPS];
        double[] stretchSeconds = new double[LaneTrip.STEPS];
        Arrays.fill(stretchMeters, LENGTH / LaneTrip.STEPS);
        Arrays.fill(stretchSeconds, LENGTH / LaneTrip.STEPS / SPEED);
        List<LaneTrip> trips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            trips.add(new LaneTrip(i, "L", T0, T0.plusSeconds(40_000), LENGTH, 1, nan(21), meters, seconds,
                    stretchMeters, stretchSeconds, 0, nan(20), LaneStage.CRUISING, SPEED));
        }
        return new LaneProfile(trips);
    }

    @Test
    void theLanesShortStopsAddTheirShareOfTheDrivingTime() {
        TripTrace trace = driven(RestRules.NONE, 60);
        double nonStop = predict(plan(List.of(), null), trace, lane(0)).rawSeconds();
        double pausing = predict(plan(List.of(), null), trace, lane(0.1)).rawSeconds();
        assertThat(pausing / nonStop).isCloseTo(1.1, within(0.01));
        assertThat(predict(plan(List.of(), null), trace, lane(0.1)).estimate().basis().explanation())
                .contains("min of short stops as this lane's trucks make");
    }

    /** A lane driven at {@link #SPEED} at every hour, pausing {@code pauseShare} of its driving time. */
    private static LaneProfile lane(double pauseShare) {
        return lane(pauseShare, nan(21));
    }

    /** The same, with trips that took {@code timeToGo} seconds from each twentieth of the road. */
    private static LaneProfile lane(double pauseShare, double[] timeToGo) {
        double[] meters = new double[TripTrace.HOURS_OF_WEEK];
        double[] seconds = new double[TripTrace.HOURS_OF_WEEK];
        Arrays.fill(seconds, 3_600);
        Arrays.fill(meters, 3_600 * SPEED);
        double driving = 3_600.0 * TripTrace.HOURS_OF_WEEK;
        return new LaneProfile(List.of(new LaneTrip(1, "L", T0, T0.plusSeconds(40_000), LENGTH, 1, timeToGo,
                meters, seconds, new double[20], new double[20], pauseShare * driving, nan(20), LaneStage.KNOWN, Double.NaN)));
    }

    @Test
    void theLanesUsualStopsStandInForTheBreakWhenTheyAddUpToIt() {
        EtaPredictor.Prediction p = predict(plan(List.of(), null), driven(RestRules.US, 60), lane(0.1));
        assertThat(p.estimate().basis().restsAhead()).extracting(EtaBasis.Rest::kind).containsExactly("daily rest");
    }

    @Test
    void pastArrivalsEarlyInTheirForecastsMoveTheEstimateIntoTheWindowNotOntoItsEdge() {
        TripTrace trace = driven(RestRules.NONE, 60);
        Estimate plain = predict(plan(List.of(), null), trace, new LaneProfile(List.of())).estimate();
        Estimate calibrated = predictor.predict(plan(List.of(), null), trace, new double[0],
                new LaneProfile(List.of()), calibratedAt(0.02, 0.02), false).estimate();
        assertThat(calibrated.p90()).isBefore(plain.eta());
        assertThat(calibrated.eta()).isAfter(calibrated.p10()).isBefore(calibrated.p90());
    }

    @Test
    void pastArrivalsSomewhatEarlyInTheirForecastsReadThePointWhereTheyPutTheirMedian() {
        TripTrace trace = driven(RestRules.NONE, 60);
        Estimate plain = predict(plan(List.of(), null), trace, new LaneProfile(List.of())).estimate();
        Calibration calibration = calibratedAt(0.05, 0.08);
        EtaPredictor.Prediction calibrated = predictor.predict(plan(List.of(), null), trace, new double[0],
                new LaneProfile(List.of()), calibration, false);
        assertThat(calibrated.level()).isCloseTo(calibration.level(calibrated.bucket(), 0.5), within(1e-9));
        assertThat(calibrated.estimate().eta()).isBefore(plain.eta()).isAfter(calibrated.estimate().p10());
    }

    /** Ten past trips whose arrivals fell at levels {@code from}, {@code from + step}, ... of their forecasts. */
    private static Calibration calibratedAt(double from, double step) {
        List<LaneTrip> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double[] levels = nan(20);
            Arrays.fill(levels, from + step * i);
            history.add(new LaneTrip(i, "L", T0, T0.plusSeconds(40_000), LENGTH, 1, nan(21),
                    new double[TripTrace.HOURS_OF_WEEK], new double[TripTrace.HOURS_OF_WEEK], new double[20],
                    new double[20], 0, levels, LaneStage.KNOWN, Double.NaN));
        }
        return Calibration.of("lane", history);
    }

    @Test
    void pastArrivalsLateInTheirForecastsMoveTheWindowLaterAndKeepTheEstimateInIt() {
        TripTrace trace = driven(RestRules.NONE, 60);
        Calibration calibration = calibratedAt(0.8, 0.02);
        Estimate plain = predict(plan(List.of(), null), trace, new LaneProfile(List.of())).estimate();
        Estimate calibrated = predictor.predict(plan(List.of(), null), trace, new double[0],
                new LaneProfile(List.of()), calibration, false).estimate();
        assertThat(calibrated.p10()).isAfter(plain.p10());
        assertThat(calibrated.p90()).isAfter(plain.p90());
        assertThat(calibrated.eta()).isBetween(calibrated.p10(), calibrated.p90());
        assertThat(calibrated.basis().calibration()).isEqualTo("lane");
    }

    @Test
    void aPreviousPointTheForecastStillPutsNearItsLevelIsKeptAndOneFartherOffIsNot() {
        EtaPredictor.Prediction p = predict(plan(List.of(), null), driven(RestRules.NONE, 60),
                new LaneProfile(List.of()));
        OffsetDateTime near = p.estimate().eta().plusMinutes(1);
        assertThat(p.steadied(near).eta()).isEqualTo(near);
        assertThat(p.steadied(p.estimate().p90()).eta()).isEqualTo(p.estimate().eta());
    }

    @Test
    void theChanceOfLatenessFollowsThePromise() {
        TripTrace trace = driven(RestRules.NONE, 60);
        double toGo = predict(plan(List.of(), null), trace, new LaneProfile(List.of())).rawSeconds();
        Instant now = trace.lastTs();
        double early = predict(plan(List.of(), now.plusSeconds((long) (toGo * 0.7))), trace,
                new LaneProfile(List.of())).estimate().lateProbability();
        double ample = predict(plan(List.of(), now.plusSeconds((long) (toGo * 1.5))), trace,
                new LaneProfile(List.of())).estimate().lateProbability();
        assertThat(early).isGreaterThan(0.9);
        assertThat(ample).isLessThan(0.05);
    }

    private EtaPredictor.Prediction predict(ShipmentPlan plan, TripTrace trace, LaneProfile lane) {
        RouteLine route = plan.routeOrStraightLine();
        double[] stopsDone = plan.stops().stream().mapToDouble(s -> route.project(s.lat(), s.lon()).doneMeters())
                .toArray();
        return predictor.predict(plan, trace, stopsDone, lane, Calibration.of("lane", List.of()), false);
    }

    private static ShipmentPlan plan(List<PlannedStop> stops, Instant promisedUntil) {
        RouteLine road = RouteLine.straight(0, 0, 0, 9);
        return new ShipmentPlan(1, "SHP-1", "L", "carrier", new PlannedStop("west", 0, 0, 0), new PlannedStop("east", 0, 9, 0),
                road, stops, null, null, null, promisedUntil, null);
    }

    /** A truck that has driven east at {@link #SPEED} for so many minutes, one reading a minute. */
    private static TripTrace driven(RestRules rules, int minutes) {
        return driven(rules, minutes, SPEED);
    }

    private static TripTrace driven(RestRules rules, int minutes, double speed) {
        TripTrace trace = new TripTrace(RouteLine.straight(0, 0, 0, 9), 1, rules);
        for (int m = 0; m <= minutes; m++) {
            trace.add(T0.plusSeconds(60L * m), 0, 9 * speed * 60 * m / LENGTH);
        }
        return trace;
    }

    private static double[] nan(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}

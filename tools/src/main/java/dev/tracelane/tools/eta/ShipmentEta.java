package dev.tracelane.tools.eta;

import dev.tracelane.tools.geo.RouteLine;
import dev.tracelane.tools.plan.ShipmentPlan;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ETA of one shipment under way, fed its readings in event-time order. It keeps the first raw estimate made
 * in each progress bucket, so on arrival the lane learns how far off they were.
 */
public final class ShipmentEta {
    private final ShipmentPlan plan;
    private final TripTrace trace;
    private final double[] stopsDone;
    private final EtaPredictor predictor;
    private final LaneHistory lanes;
    private final Duration recomputeEvery;
    private final double[] firstRaw = new double[LaneTrip.STEPS];
    private final long[] firstAt = new long[LaneTrip.STEPS];
    private Instant computedAt;

    ShipmentEta(ShipmentPlan plan, EtaPredictor predictor, LaneHistory lanes, EtaSettings settings) {
        this.plan = plan;
        this.predictor = predictor;
        this.lanes = lanes;
        this.recomputeEvery = settings.recomputeEvery();
        RouteLine route = plan.routeOrStraightLine();
        double laneCircuity = lanes.profile(plan.lane()).circuity();
        double circuity = plan.route() != null ? 1 : Double.isFinite(laneCircuity) ? laneCircuity : settings.circuity();
        this.trace = new TripTrace(route, circuity, settings.rules());
        this.stopsDone = plan.stops().stream().mapToDouble(s -> route.project(s.lat(), s.lon()).doneMeters()).toArray();
        Arrays.fill(firstRaw, Double.NaN);
    }

    /** @return a new estimate, unless the last one was made less than the recompute interval ago */
    public Optional<Estimate> observe(Instant ts, double lat, double lon) {
        trace.add(ts, lat, lon);
        if (computedAt != null && Duration.between(computedAt, ts).compareTo(recomputeEvery) < 0) {
            return Optional.empty();
        }
        computedAt = ts;
        EtaPredictor.Prediction p = predictor.predict(plan, trace, stopsDone, lanes.profile(plan.lane()),
                bucket -> lanes.calibration(plan.lane(), bucket));
        if (Double.isNaN(firstRaw[p.bucket()]) && p.rawSeconds() > 0) {
            firstRaw[p.bucket()] = p.rawSeconds();
            firstAt[p.bucket()] = ts.getEpochSecond();
        }
        return Optional.of(p.estimate());
    }

    /** {@link DrivingClock#restDue()} by the readings so far: a stop is judged by how it began. */
    public Duration restDue() {
        return trace.clock().restDue();
    }

    /** Actual time to go over the raw estimate, per progress bucket, for a trip that arrived then. */
    double[] errorRatios(Instant arrival) {
        double[] ratios = new double[LaneTrip.STEPS];
        for (int b = 0; b < LaneTrip.STEPS; b++) {
            double actual = arrival.getEpochSecond() - firstAt[b];
            ratios[b] = Double.isNaN(firstRaw[b]) || firstRaw[b] < 60 ? Double.NaN : actual / firstRaw[b];
        }
        return ratios;
    }

    ShipmentPlan plan() {
        return plan;
    }
}

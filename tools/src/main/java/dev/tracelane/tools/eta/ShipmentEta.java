package dev.tracelane.tools.eta;

import dev.tracelane.tools.plan.ShipmentPlan;
import dev.tracelane.tracking.geo.RouteLine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The ETA of one shipment under way, fed its readings in event-time order. It keeps a forecast per progress
 * bucket ({@link ForecastSamples}), so on arrival the lane learns where in them the actual arrival fell.
 */
public final class ShipmentEta {
    private final ShipmentPlan plan;
    private final TripTrace trace;
    private final double[] stopsDone;
    private final EtaPredictor predictor;
    private final LaneHistory lanes;
    private final Duration recomputeEvery;
    private final Duration guessDriving;
    private final ForecastSamples samples;
    private final LaneStage laneStage;
    private Instant computedAt;
    private Estimate last;
    private boolean leftOrigin;

    ShipmentEta(ShipmentPlan plan, EtaPredictor predictor, LaneHistory lanes, EtaSettings settings) {
        this.plan = plan;
        this.predictor = predictor;
        this.lanes = lanes;
        this.recomputeEvery = settings.recomputeEvery();
        this.guessDriving = settings.lateGuessDriving();
        RouteLine route = plan.routeOrStraightLine();
        LaneProfile lane = lanes.profile(plan.lane());
        this.laneStage = lane.stage();
        this.samples = new ForecastSamples(plan.shipmentId());
        double laneCircuity = lane.circuity();
        double circuity = plan.route() != null ? 1 : Double.isFinite(laneCircuity) ? laneCircuity : settings.circuity();
        this.trace = new TripTrace(route, circuity, settings.rules());
        this.stopsDone = plan.stops().stream().mapToDouble(s -> route.project(s.lat(), s.lon()).doneMeters()).toArray();
    }

    /** @return a new estimate, unless the last one was made less than the recompute interval ago */
    public Optional<Estimate> observe(Instant ts, double lat, double lon) {
        trace.add(ts, lat, lon);
        if (computedAt != null && Duration.between(computedAt, ts).compareTo(recomputeEvery) < 0) {
            return Optional.empty();
        }
        computedAt = ts;
        EtaPredictor.Prediction p = predictor.predict(plan, trace, stopsDone, lanes.profile(plan.lane()),
                lanes.calibration(plan.lane()), leftOrigin);
        Estimate estimate = last == null ? p.estimate() : p.steadied(last.eta());
        last = estimate;
        // a forecast made at the gate (under a minute to go) says nothing calibration could learn from
        if (p.rawSeconds() >= 60) {
            samples.add(p.bucket(), p.forecast(), ts.getEpochSecond());
        }
        return Optional.of(estimate);
    }

    /** The shipment went in transit (its truck left the origin): the next estimate's basis says so. */
    public void leftOrigin() {
        leftOrigin = true;
    }

    /**
     * Whether the forecast rests on this lane's learned paces or on enough of this truck's own driving; before
     * either, it is a typical speed over a guessed road, too blind to call a trip late.
     */
    public boolean grounded() {
        return lanes.profile(plan.lane()).pacesLearned()
                || trace.drivingSeconds() >= guessDriving.toSeconds();
    }

    /** {@link DrivingClock#restDue()} by the readings so far: a stop is judged by how it began. */
    public Duration restDue() {
        return trace.clock().restDue();
    }

    /** Per progress bucket, the kept forecast's probability of arriving by {@code arrival}; NaN without one. */
    double[] forecastLevels(Instant arrival) {
        return samples.levels(arrival.getEpochSecond());
    }

    /** What the lane knew when this shipment's forecasts began. */
    LaneStage laneStage() {
        return laneStage;
    }

    ShipmentPlan plan() {
        return plan;
    }
}

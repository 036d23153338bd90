package dev.tracelane.tools.eta;

import dev.tracelane.tools.plan.ShipmentPlan;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The ETA side of the monitors: a {@link ShipmentEta} per shipment under way, its estimates handed to
 * {@link Estimates}, and its trip learned by the lane when it is delivered.
 */
@Singleton
public class Etas {
    private final EtaPredictor predictor;
    private final LaneHistory lanes;
    private final LaneLearner learner;
    private final Estimates estimates;
    private final EtaSettings settings;

    Etas(EtaSettings settings, @Value("${tracelane.geofence-meters:1500}") double geofenceMeters, LaneHistory lanes,
         LaneLearner learner, Estimates estimates) {
        this.predictor = new EtaPredictor(settings, geofenceMeters);
        this.lanes = lanes;
        this.learner = learner;
        this.estimates = estimates;
        this.settings = settings;
    }

    public ShipmentEta track(ShipmentPlan plan) {
        return new ShipmentEta(plan, predictor, lanes, settings);
    }

    public void publish(ShipmentPlan plan, Estimate estimate) {
        estimates.offer(plan.shipmentId(), plan.reference(), estimate);
    }

    /** Learns the delivered trip and settles its ETA on the actual arrival. */
    public void delivered(ShipmentEta eta, Instant arrival) {
        ShipmentPlan plan = eta.plan();
        learner.trip(plan, eta.forecastLevels(arrival), eta.laneStage()).ifPresent(lanes::learn);
        estimates.forget(plan.shipmentId());
        estimates.offer(plan.shipmentId(), plan.reference(), arrived(arrival));
    }

    private Estimate arrived(Instant arrival) {
        OffsetDateTime at = arrival.atOffset(ZoneOffset.UTC);
        EtaBasis basis = new EtaBasis("delivered", "arrived", "arrived", 0, 0, settings.rules().name(), List.of(), 0, 0,
                "none", "Arrived at the destination at " + at);
        return new Estimate(at, at, at, 0, at, basis, null);
    }
}

package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.eta.Estimate;
import dev.tracelane.tools.eta.EtaSettings;
import dev.tracelane.tools.eta.ShipmentEta;
import dev.tracelane.tools.geo.PlaceIndex;
import dev.tracelane.tools.plan.ShipmentPlan;
import dev.tracelane.tracking.ingest.TrackingEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The detectors of one shipment, fed its readings in event-time order: a reading older than one already seen
 * (a late or replayed one) is stored but judged by no detector, though it shows the tracker is talking.
 * Detectors that do not apply (no cargo range, no planned route) are simply absent. The shipment's ETA is
 * recomputed from the same readings, and judged against the promised window.
 */
final class ShipmentMonitor {
    private final TemperatureExcursion temperature;
    private final RouteDeviation deviation;
    private final UnplannedStop stop;
    private final TrackerSilence silence;
    private final ShipmentPlan plan;
    private final ShipmentEta eta;
    private final PredictedLate late;
    /** When the shipment arrived, as the plan or the delivery says; readings from then on are not its trip's. */
    private Instant deliveredAt;
    private Instant lastTs;
    private Estimate estimate;

    ShipmentMonitor(ShipmentPlan plan, Set<AlertType> active, DepotCheck depots, MonitorSettings settings,
                    PlaceIndex places, ShipmentEta eta, EtaSettings etaSettings) {
        long id = plan.shipmentId();
        this.plan = plan;
        this.eta = eta;
        late = plan.promisedUntil() != null ? new PredictedLate(id, plan.promisedUntil(), etaSettings,
                active.contains(AlertType.PREDICTED_LATE)) : null;
        temperature = plan.tempMin() != null && plan.tempMax() != null
                ? new TemperatureExcursion(id, plan.tempMin(), plan.tempMax(), settings,
                active.contains(AlertType.TEMPERATURE_EXCURSION)) : null;
        deviation = plan.route() != null
                ? new RouteDeviation(id, plan.route(), settings, places, active.contains(AlertType.ROUTE_DEVIATION))
                : null;
        stop = new UnplannedStop(id, plan.knownStops(), depots, settings, places, eta::restDue,
                active.contains(AlertType.UNPLANNED_STOP));
        silence = new TrackerSilence(id, settings, active.contains(AlertType.TRACKER_SILENT));
        deliveredAt = plan.deliveredAt();
    }

    /** @param heard the monitors' clock when the reading reached them */
    List<Verdict> observe(TrackingEvent e, Instant heard) {
        List<Verdict> verdicts = new ArrayList<>(1);
        silence.observe(e.ts(), heard).ifPresent(verdicts::add);
        if (lastTs != null && !e.ts().isAfter(lastTs)) {
            return verdicts;
        }
        lastTs = e.ts();
        if (deliveredAt != null && !e.ts().isBefore(deliveredAt)) {
            return verdicts; // unloaded: the trailer warming at the dock or the truck's next errand is no anomaly
        }
        if (temperature != null && e.temperature() != null) {
            temperature.observe(e.ts(), e.temperature()).ifPresent(verdicts::add);
        }
        if (e.hasPosition()) {
            if (deviation != null) {
                deviation.observe(e.ts(), e.lat(), e.lon()).ifPresent(verdicts::add);
            }
            stop.observe(e.ts(), e.lat(), e.lon()).ifPresent(verdicts::add);
            eta.observe(e.ts(), e.lat(), e.lon()).ifPresent(fresh -> {
                estimate = fresh;
                if (late != null) {
                    late.observe(fresh, eta.grounded()).ifPresent(verdicts::add);
                }
            });
        }
        return verdicts;
    }

    /** The estimate the last reading produced, once; empty when it reused an earlier one. */
    Optional<Estimate> takeEstimate() {
        Optional<Estimate> fresh = Optional.ofNullable(estimate);
        estimate = null;
        return fresh;
    }

    ShipmentPlan plan() {
        return plan;
    }

    ShipmentEta eta() {
        return eta;
    }

    /** Silence is only a problem while the shipment is under way. */
    List<Verdict> tick(Instant now) {
        return deliveredAt != null ? List.of() : silence.check(now).map(List::of).orElse(List.of());
    }

    /**
     * Delivered: it may stand still at the destination and its tracker may go quiet; lateness is settled, and a
     * deviation still open ends with the trip. A temperature excursion still open stays open: the load arrived
     * out of range, for a person to look at.
     */
    List<Verdict> finish(Instant arrival) {
        deliveredAt = arrival;
        List<Verdict> verdicts = new ArrayList<>(2);
        if (late != null) {
            late.arrived(arrival).ifPresent(verdicts::add);
        }
        if (deviation != null) {
            deviation.delivered(arrival).ifPresent(verdicts::add);
        }
        return verdicts;
    }
}

package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.geo.PlaceIndex;
import dev.tracelane.tracking.ingest.TrackingEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The detectors of one shipment, fed its readings in event-time order: a reading older than one already seen
 * (a late or replayed one) is stored but judged by no detector. Detectors that do not apply (no cargo range,
 * no planned route) are simply absent.
 */
final class ShipmentMonitor {
    private final TemperatureExcursion temperature;
    private final RouteDeviation deviation;
    private final UnplannedStop stop;
    private final TrackerSilence silence;
    private boolean finished;
    private Instant lastTs;

    ShipmentMonitor(ShipmentPlan plan, Set<AlertType> active, MonitorSettings settings, PlaceIndex places) {
        long id = plan.shipmentId();
        temperature = plan.tempMin() != null && plan.tempMax() != null
                ? new TemperatureExcursion(id, plan.tempMin(), plan.tempMax(), settings,
                active.contains(AlertType.TEMPERATURE_EXCURSION)) : null;
        deviation = plan.route() != null
                ? new RouteDeviation(id, plan.route(), settings, places, active.contains(AlertType.ROUTE_DEVIATION))
                : null;
        stop = new UnplannedStop(id, plan.knownStops(), settings, places, active.contains(AlertType.UNPLANNED_STOP));
        silence = new TrackerSilence(id, settings, active.contains(AlertType.TRACKER_SILENT));
    }

    List<Verdict> observe(TrackingEvent e) {
        if (lastTs != null && !e.ts().isAfter(lastTs)) {
            return List.of();
        }
        lastTs = e.ts();
        List<Verdict> verdicts = new ArrayList<>(1);
        silence.observe(e.ts()).ifPresent(verdicts::add);
        if (temperature != null && e.temperature() != null) {
            temperature.observe(e.ts(), e.temperature()).ifPresent(verdicts::add);
        }
        if (e.hasPosition() && !finished) {
            if (deviation != null) {
                deviation.observe(e.ts(), e.lat(), e.lon()).ifPresent(verdicts::add);
            }
            stop.observe(e.ts(), e.lat(), e.lon()).ifPresent(verdicts::add);
        }
        return verdicts;
    }

    /** Silence is only a problem while the shipment is under way. */
    List<Verdict> tick(Instant now) {
        return finished ? List.of() : silence.check(now).map(List::of).orElse(List.of());
    }

    /** Delivered: it may stand still at the destination and its tracker may go quiet. */
    void finish() {
        finished = true;
    }
}

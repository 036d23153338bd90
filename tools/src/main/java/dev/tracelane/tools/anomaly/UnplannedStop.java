package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertDraft;
import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.alert.Severity;
import dev.tracelane.tools.geo.PlaceIndex;
import dev.tracelane.tools.plan.PlannedStop;
import dev.tracelane.tracking.geo.GreatCircle;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A dwell of {@code unplanned-stop} or more within {@code stop-radius-meters} of one spot, away from every known
 * stop (origin, destination, planned stops, the shipper's and carrier's depots). The spot is anchored where the truck first stood; moving away from
 * it clears the alert. Long stops are refreshed every further 30 minutes.
 */
final class UnplannedStop {
    private static final Duration REFRESH = Duration.ofMinutes(30);
    private final long shipmentId;
    private final List<PlannedStop> knownStops;
    private final DepotCheck depots;
    private final MonitorSettings settings;
    private final PlaceIndex places;
    private final Supplier<Duration> restDue;
    private double anchorLat;
    private double anchorLon;
    private Instant anchorSince;
    private Duration anchorRest = Duration.ZERO;
    private Duration reported;
    private boolean alerting;

    /**
     * @param restDue how long a stop beginning now may last as a rest the driving rules make due (zero when none
     *                is): a driver taking a mandated rest at a truck stop is not an anomaly until the rest
     *                runs over by the unplanned-stop threshold
     */
    UnplannedStop(long shipmentId, List<PlannedStop> knownStops, DepotCheck depots, MonitorSettings settings,
                  PlaceIndex places, Supplier<Duration> restDue, boolean alerting) {
        this.shipmentId = shipmentId;
        this.knownStops = knownStops;
        this.depots = depots;
        this.settings = settings;
        this.places = places;
        this.restDue = restDue;
        this.alerting = alerting;
    }

    Optional<Verdict> observe(Instant ts, double lat, double lon) {
        if (anchorSince != null && GreatCircle.meters(anchorLat, anchorLon, lat, lon) <= settings.stopRadiusMeters()) {
            Duration dwell = Duration.between(anchorSince, ts);
            boolean due = reported == null ? dwell.compareTo(settings.unplannedStop().plus(anchorRest)) >= 0
                    : dwell.minus(reported).compareTo(REFRESH) >= 0;
            if (due && !nearKnownStop()) {
                alerting = true;
                reported = dwell;
                return Optional.of(new Verdict.Raise(draft(ts, dwell)));
            }
            return Optional.empty();
        }
        Optional<Verdict> verdict = Optional.empty();
        if (alerting) {
            alerting = false;
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("movedAt", ts.toString());
            end.put("minutesStopped", anchorSince == null ? 0 : Duration.between(anchorSince, ts).toMinutes());
            verdict = Optional.of(new Verdict.Clear(shipmentId, AlertType.UNPLANNED_STOP, ts, end));
        }
        anchorLat = lat;
        anchorLon = lon;
        anchorSince = ts;
        anchorRest = restDue.get();
        reported = null;
        return verdict;
    }

    private boolean nearKnownStop() {
        for (PlannedStop stop : knownStops) {
            if (GreatCircle.meters(anchorLat, anchorLon, stop.lat(), stop.lon()) <= settings.knownStopMeters()) {
                return true;
            }
        }
        return depots.isDepot(anchorLat, anchorLon);
    }

    private AlertDraft draft(Instant ts, Duration dwell) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("since", anchorSince.toString());
        evidence.put("minutesStopped", dwell.toMinutes());
        evidence.put("lat", anchorLat);
        evidence.put("lon", anchorLon);
        String where = places.near(anchorLat, anchorLon).map(p -> p.describe()).orElse("");
        evidence.put("where", where);
        if (!anchorRest.isZero()) {
            evidence.put("restDueMinutes", anchorRest.toMinutes());
        }
        Severity severity = dwell.compareTo(settings.unplannedStop().multipliedBy(3)) >= 0 ? Severity.CRITICAL
                : Severity.WARNING;
        String title = "Stopped " + dwell.toMinutes() + " min where no stop was planned"
                + (anchorRest.isZero() ? "" : ", longer than the " + anchorRest.toMinutes() + "-min rest then due")
                + ", " + where;
        return new AlertDraft(shipmentId, AlertType.UNPLANNED_STOP, severity, title, evidence, anchorSince, ts);
    }
}

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
 * stop (origin, destination, planned stops, the shipper's and carrier's depots). The spot is anchored where the
 * truck first stood; one fix away from it is taken for a GPS stray, and the second in a row ends the stop and
 * clears the alert. A stop that begins when the driving rules make a rest due is most likely that rest: it is
 * raised as {@link Severity#INFO} saying so, and becomes a warning once it runs the threshold past the rest's
 * length. Long stops are refreshed every further 30 minutes.
 */
final class UnplannedStop {
    private static final Duration REFRESH = Duration.ofMinutes(30);
    private final long shipmentId;
    private final List<PlannedStop> knownStops;
    private final DepotCheck depots;
    private final MonitorSettings settings;
    private final PlaceIndex places;
    private final Supplier<Duration> restDue;
    private Fix anchor;
    private Duration anchorRest = Duration.ZERO;
    private Duration reported;
    private Severity reportedSeverity;
    private boolean alerting;
    /** The first fix off the anchor, held until the next one tells a GPS stray from moving on. */
    private Fix away;

    private record Fix(Instant ts, double lat, double lon) {
    }

    /**
     * @param restDue how long a stop beginning now may last as a rest the driving rules make due (zero when none
     *                is): a driver taking a mandated rest at a truck stop is stopped, but not yet overdue
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
        Fix here = new Fix(ts, lat, lon);
        if (anchor != null && near(anchor, here)) {
            away = null;
            return judge(ts);
        }
        if (anchor != null && away == null) {
            away = here;
            return Optional.empty();
        }
        Fix left = away == null ? here : away;
        Optional<Verdict> verdict = alerting ? Optional.of(clear(left, ts)) : Optional.empty();
        away = null;
        anchor(near(left, here) ? left : here);
        return verdict;
    }

    /**
     * The title says how long the stop lasted in the end, not how long it had lasted when last refreshed; after a
     * restart, when the stop's start is unknown here, it is kept.
     */
    private Verdict clear(Fix left, Instant ts) {
        alerting = false;
        Duration dwell = anchor == null ? Duration.ZERO : Duration.between(anchor.ts(), left.ts());
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("movedAt", left.ts().toString());
        end.put("minutesStopped", dwell.toMinutes());
        String title = anchor == null || reportedSeverity == null ? null
                : draft(left.ts(), dwell, reportedSeverity).title();
        return new Verdict.Clear(shipmentId, AlertType.UNPLANNED_STOP, ts, end, title);
    }

    private boolean near(Fix a, Fix b) {
        return GreatCircle.meters(a.lat(), a.lon(), b.lat(), b.lon()) <= settings.stopRadiusMeters();
    }

    private void anchor(Fix fix) {
        anchor = fix;
        anchorRest = restDue.get();
        reported = null;
        reportedSeverity = null;
    }

    private Optional<Verdict> judge(Instant ts) {
        Duration dwell = Duration.between(anchor.ts(), ts);
        if (dwell.compareTo(settings.unplannedStop()) < 0 || nearKnownStop()) {
            return Optional.empty();
        }
        Severity severity = severity(dwell);
        if (reported != null && severity == reportedSeverity && dwell.minus(reported).compareTo(REFRESH) < 0) {
            return Optional.empty();
        }
        alerting = true;
        reported = dwell;
        reportedSeverity = severity;
        return Optional.of(new Verdict.Raise(draft(ts, dwell, severity)));
    }

    /** Info while the stop may still be the rest then due; by how long it has run past that rest otherwise. */
    private Severity severity(Duration dwell) {
        Duration over = dwell.minus(anchorRest);
        if (over.compareTo(settings.unplannedStop()) < 0) {
            return Severity.INFO;
        }
        return over.compareTo(settings.unplannedStop().multipliedBy(3)) >= 0 ? Severity.CRITICAL : Severity.WARNING;
    }

    private boolean nearKnownStop() {
        for (PlannedStop stop : knownStops) {
            if (GreatCircle.meters(anchor.lat(), anchor.lon(), stop.lat(), stop.lon()) <= settings.knownStopMeters()) {
                return true;
            }
        }
        return depots.isDepot(anchor.lat(), anchor.lon());
    }

    private AlertDraft draft(Instant ts, Duration dwell, Severity severity) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("since", anchor.ts().toString());
        evidence.put("minutesStopped", dwell.toMinutes());
        evidence.put("lat", anchor.lat());
        evidence.put("lon", anchor.lon());
        String where = places.near(anchor.lat(), anchor.lon()).map(p -> p.describe()).orElse("");
        evidence.put("where", where);
        if (!anchorRest.isZero()) {
            evidence.put("restDueMinutes", anchorRest.toMinutes());
        }
        String rest = anchorRest.isZero() ? ""
                : severity == Severity.INFO ? ", likely the " + anchorRest.toMinutes() + "-min rest the driving rules make due"
                : ", longer than the " + anchorRest.toMinutes() + "-min rest then due";
        String title = "Stopped " + dwell.toMinutes() + " min where no stop was planned" + rest + ", " + where;
        return new AlertDraft(shipmentId, AlertType.UNPLANNED_STOP, severity, title, evidence, anchor.ts(), ts);
    }
}

package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertDraft;
import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.alert.Severity;
import dev.tracelane.tools.geo.PlaceIndex;
import dev.tracelane.tracking.geo.RouteLine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Leaving the corridor around the planned route: two consecutive fixes beyond {@code corridor-meters}, spanning
 * {@code deviation-persistence}, raise; two fixes back inside the narrower {@code corridor-exit-meters} clear.
 * The gap between the two widths is the hysteresis that keeps GPS jitter at the edge from flapping.
 */
final class RouteDeviation {
    private static final int CONFIRMING_FIXES = 2;
    private final long shipmentId;
    private final RouteLine route;
    private final MonitorSettings settings;
    private final PlaceIndex places;
    private Instant offSince;
    private int offFixes;
    private int backFixes;
    private double maxOff;
    private boolean alerting;

    RouteDeviation(long shipmentId, RouteLine route, MonitorSettings settings, PlaceIndex places, boolean alerting) {
        this.shipmentId = shipmentId;
        this.route = route;
        this.settings = settings;
        this.places = places;
        this.alerting = alerting;
    }

    Optional<Verdict> observe(Instant ts, double lat, double lon) {
        double off = route.project(lat, lon).crossTrackMeters();
        if (off > settings.corridorMeters()) {
            backFixes = 0;
            if (offSince == null) {
                offSince = ts;
                if (!alerting) { // a fix back in the hysteresis band does not end the deviation, nor its maximum
                    maxOff = 0;
                }
            }
            offFixes++;
            maxOff = Math.max(maxOff, off);
            boolean confirmed = offFixes >= CONFIRMING_FIXES
                    && Duration.between(offSince, ts).compareTo(settings.deviationPersistence()) >= 0;
            if (confirmed && !alerting) {
                alerting = true;
                return Optional.of(new Verdict.Raise(draft(ts, lat, lon, off)));
            }
            return Optional.empty();
        }
        offSince = null; // raising needs consecutive fixes outside
        offFixes = 0;
        if (off < settings.corridorExitMeters()) {
            if (alerting && ++backFixes >= CONFIRMING_FIXES) {
                alerting = false;
                backFixes = 0;
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("backOnRouteAt", ts.toString());
                end.put("maxMetersOffRoute", Math.round(maxOff));
                return Optional.of(new Verdict.Clear(shipmentId, AlertType.ROUTE_DEVIATION, ts, end));
            }
        } else {
            backFixes = 0;
        }
        return Optional.empty();
    }

    /** The trip ended off the route (it reached the destination another way): the deviation ends with it. */
    Optional<Verdict> delivered(Instant at) {
        if (!alerting) {
            return Optional.empty();
        }
        alerting = false;
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("deliveredAt", at.toString());
        if (maxOff > 0) { // unknown when the alert was opened before a restart
            end.put("maxMetersOffRoute", Math.round(maxOff));
        }
        return Optional.of(new Verdict.Clear(shipmentId, AlertType.ROUTE_DEVIATION, at, end));
    }

    private AlertDraft draft(Instant ts, double lat, double lon, double off) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("since", offSince.toString());
        evidence.put("metersOffRoute", Math.round(off));
        evidence.put("lat", lat);
        evidence.put("lon", lon);
        String where = places.near(lat, lon).map(p -> p.describe()).orElse("");
        evidence.put("where", where);
        String title = String.format(Locale.ROOT, "Left the planned route: %.1f km off, %s", off / 1000, where);
        Severity severity = off > 3 * settings.corridorMeters() ? Severity.CRITICAL : Severity.WARNING;
        return new AlertDraft(shipmentId, AlertType.ROUTE_DEVIATION, severity, title, evidence, offSince, ts);
    }
}

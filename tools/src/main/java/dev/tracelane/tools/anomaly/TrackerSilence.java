package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertDraft;
import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.alert.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tracker quiet for longer than {@code silence-factor} times its usual interval (learned as a moving average
 * of the gaps between its readings, ignoring gaps that were themselves silences), with a floor. Checked against
 * the monitors' clock, which is event time during replays and the wall clock on live data.
 */
final class TrackerSilence {
    private static final double LEARNING_RATE = 0.1;
    private static final int WARM_UP_READINGS = 5;
    private final long shipmentId;
    private final MonitorSettings settings;
    private Instant lastTs;
    private double usualSeconds;
    private int readings;
    private boolean alerting;

    TrackerSilence(long shipmentId, MonitorSettings settings, boolean alerting) {
        this.shipmentId = shipmentId;
        this.settings = settings;
        this.alerting = alerting;
    }

    /** A reading arrived: learn from the gap, and clear a silence it ends. */
    Optional<Verdict> observe(Instant ts) {
        Optional<Verdict> verdict = Optional.empty();
        if (lastTs != null) {
            double gap = Duration.between(lastTs, ts).toMillis() / 1000.0;
            if (usualSeconds == 0) {
                usualSeconds = gap;
            } else if (readings < WARM_UP_READINGS) {
                usualSeconds = (usualSeconds + gap) / 2;
            } else if (gap < usualSeconds * settings.silenceFactor()) {
                usualSeconds += LEARNING_RATE * (gap - usualSeconds);
            }
            if (alerting) {
                alerting = false;
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("heardAgainAt", ts.toString());
                end.put("minutesSilent", (long) (gap / 60));
                verdict = Optional.of(new Verdict.Clear(shipmentId, AlertType.TRACKER_SILENT, ts, end));
            }
        }
        readings++;
        lastTs = ts;
        return verdict;
    }

    /** The clock moved on without a reading: is this a silence? */
    Optional<Verdict> check(Instant now) {
        if (alerting || lastTs == null || readings < WARM_UP_READINGS) {
            return Optional.empty();
        }
        Duration limit = limit();
        Duration quiet = Duration.between(lastTs, now);
        if (quiet.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        alerting = true;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lastHeard", lastTs.toString());
        evidence.put("usualIntervalSeconds", Math.round(usualSeconds));
        evidence.put("minutesSilent", quiet.toMinutes());
        return Optional.of(new Verdict.Raise(new AlertDraft(shipmentId, AlertType.TRACKER_SILENT, Severity.WARNING,
                "Tracker silent since " + lastTs + " (usually every " + Math.round(usualSeconds) + " s)", evidence,
                lastTs, now)));
    }

    private Duration limit() {
        Duration learned = Duration.ofMillis((long) (usualSeconds * settings.silenceFactor() * 1000));
        return learned.compareTo(settings.silenceFloor()) > 0 ? learned : settings.silenceFloor();
    }
}

package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertDraft;
import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.alert.Severity;
import dev.tracelane.tools.text.Times;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tracker not heard from for longer than {@code silence-factor} times its usual interval, with a floor.
 * "Heard" is when a reading reached the monitors, on their clock (event time during replays, the wall clock on
 * live data), not the reading's own time: a tracker uploading its buffer, or one whose readings reach the
 * service a little after another tracker's newer ones, is talking, not silent. The usual interval is the
 * longer of two rhythms, each a moving average of its gaps that ignores gaps that were themselves silences:
 * the readings' own times (a truck parked reports less often, and its history may arrive in one upload) and
 * the arrivals (a device that sends its readings in bundles); readings heard within a second of each other
 * are one arrival.
 */
final class TrackerSilence {
    private static final int WARM_UP = 5;
    /** Readings heard this close together came in one message (a bundle, a buffer), however they were handled. */
    private static final Duration SAME_ARRIVAL = Duration.ofSeconds(1);
    private final long shipmentId;
    private final MonitorSettings settings;
    private final Rhythm sampling = new Rhythm();
    private final Rhythm arriving = new Rhythm();
    private Instant lastTs;
    private Instant lastHeard;
    private int readings;
    private boolean alerting;

    /** The usual gap of a series of events, learned as they come. */
    private final class Rhythm {
        private static final double LEARNING_RATE = 0.1;
        private double usualSeconds;
        private int gaps;

        void learn(double gap) {
            if (gaps == 0) {
                usualSeconds = gap;
            } else if (gaps < WARM_UP) {
                usualSeconds = (usualSeconds + gap) / 2;
            } else if (gap < usualSeconds * settings.silenceFactor()) {
                usualSeconds += LEARNING_RATE * (gap - usualSeconds);
            }
            gaps++;
        }
    }

    TrackerSilence(long shipmentId, MonitorSettings settings, boolean alerting) {
        this.shipmentId = shipmentId;
        this.settings = settings;
        this.alerting = alerting;
    }

    /** A reading of time {@code ts} reached the monitors at {@code heard}: learn from the gaps, end a silence. */
    Optional<Verdict> observe(Instant ts, Instant heard) {
        readings++;
        if (lastTs == null || ts.isAfter(lastTs)) {
            if (lastTs != null) {
                sampling.learn(seconds(lastTs, ts));
            }
            lastTs = ts;
        }
        if (lastHeard != null && heard.isBefore(lastHeard.plus(SAME_ARRIVAL))) {
            lastHeard = heard.isAfter(lastHeard) ? heard : lastHeard;
            return Optional.empty();
        }
        Optional<Verdict> verdict = Optional.empty();
        if (lastHeard != null) {
            double gap = seconds(lastHeard, heard);
            arriving.learn(gap);
            if (alerting) {
                alerting = false;
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("heardAgainAt", heard.toString());
                end.put("minutesSilent", (long) (gap / 60));
                verdict = Optional.of(new Verdict.Clear(shipmentId, AlertType.TRACKER_SILENT, heard, end));
            }
        }
        lastHeard = heard;
        return verdict;
    }

    /** The clock moved on without a reading: is this a silence? */
    Optional<Verdict> check(Instant now) {
        if (alerting || lastHeard == null || readings < WARM_UP) {
            return Optional.empty();
        }
        Duration quiet = Duration.between(lastHeard, now);
        double usual = Math.max(sampling.usualSeconds, arriving.usualSeconds);
        Duration learned = Duration.ofMillis((long) (usual * settings.silenceFactor() * 1000));
        Duration limit = learned.compareTo(settings.silenceFloor()) > 0 ? learned : settings.silenceFloor();
        if (quiet.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        alerting = true;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lastReading", lastTs.toString());
        evidence.put("lastHeard", lastHeard.toString());
        evidence.put("usualIntervalSeconds", Math.round(usual));
        // the quiet when raised, named so: it is not updated while the silence lasts (lastHeard tells how long)
        evidence.put("alertedAfterMinutes", quiet.toMinutes());
        return Optional.of(new Verdict.Raise(new AlertDraft(shipmentId, AlertType.TRACKER_SILENT, Severity.WARNING,
                "Tracker silent since " + Times.utc(lastTs) + " (usually every " + Math.round(usual) + " s)", evidence,
                lastTs, now)));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}

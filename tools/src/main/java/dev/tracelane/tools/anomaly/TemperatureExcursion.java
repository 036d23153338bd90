package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertDraft;
import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.alert.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cargo temperature outside its range for longer than the persistence raises an alert; it clears only after
 * readings stay inside the range by a margin for a while, so a reading hovering at the limit does not flap.
 * Time out of range adds up across the trip.
 */
final class TemperatureExcursion {
    private static final double CRITICAL_EXCESS = 3.0;
    private static final Duration CRITICAL_DURATION = Duration.ofMinutes(30);
    /**
     * How often an open excursion's evidence (minutes out, worst reading) is rewritten while it lasts: often
     * enough that an alert read later is not a stale count, rarely enough that it is not a write per reading.
     */
    private static final Duration REFRESH = Duration.ofMinutes(5);
    private final long shipmentId;
    private final double min;
    private final double max;
    private final MonitorSettings settings;
    private Instant lastTs;
    private boolean lastOut;
    private Instant outSince;
    private Instant backSince;
    private double peakExcess;
    private double worstReading;
    private Duration outTotal = Duration.ZERO;
    private boolean alerting;
    private Severity raisedAs;
    /** When the alert's evidence was last written, and the worst reading it gave. */
    private Instant raisedAt;
    private double raisedWorst;

    TemperatureExcursion(long shipmentId, double min, double max, MonitorSettings settings, boolean alerting) {
        this.shipmentId = shipmentId;
        this.min = min;
        this.max = max;
        this.settings = settings;
        this.alerting = alerting;
    }

    Optional<Verdict> observe(Instant ts, double celsius) {
        if (lastOut && lastTs != null) {
            outTotal = outTotal.plus(Duration.between(lastTs, ts));
        }
        lastTs = ts;
        double excess = celsius > max ? celsius - max : celsius < min ? min - celsius : 0;
        lastOut = excess > 0;
        if (lastOut) {
            backSince = null;
            if (outSince == null) {
                outSince = ts;
                peakExcess = 0;
            }
            if (excess > peakExcess) {
                peakExcess = excess;
                worstReading = celsius;
            }
            Duration out = Duration.between(outSince, ts);
            if (out.compareTo(settings.temperaturePersistence()) >= 0) {
                Severity severity = peakExcess >= CRITICAL_EXCESS || out.compareTo(CRITICAL_DURATION) >= 0
                        ? Severity.CRITICAL : Severity.WARNING;
                boolean stale = raisedAt == null || worstReading != raisedWorst
                        || Duration.between(raisedAt, ts).compareTo(REFRESH) >= 0;
                if (!alerting || severity != raisedAs || stale) {
                    alerting = true;
                    raisedAs = severity;
                    raisedAt = ts;
                    raisedWorst = worstReading;
                    return Optional.of(new Verdict.Raise(draft(ts, celsius, severity)));
                }
            }
            return Optional.empty();
        }
        outSince = null;
        boolean clearlyIn = celsius >= min + settings.temperatureMargin() && celsius <= max - settings.temperatureMargin();
        if (!alerting || !clearlyIn) {
            backSince = clearlyIn ? backSince : null;
            return Optional.empty();
        }
        if (backSince == null) {
            backSince = ts;
        }
        if (Duration.between(backSince, ts).compareTo(settings.temperatureClearAfter()) >= 0) {
            alerting = false;
            raisedAs = null;
            raisedAt = null;
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("backInRangeAt", backSince.toString());
            end.put("minutesOutOfRangeTotal", outTotal.toMinutes());
            return Optional.of(new Verdict.Clear(shipmentId, AlertType.TEMPERATURE_EXCURSION, ts, end));
        }
        return Optional.empty();
    }

    private AlertDraft draft(Instant ts, double celsius, Severity severity) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("since", outSince.toString());
        evidence.put("minutesOutOfRange", Duration.between(outSince, ts).toMinutes());
        evidence.put("minutesOutOfRangeTotal", outTotal.toMinutes());
        evidence.put("latestReading", celsius);
        evidence.put("worstReading", worstReading);
        evidence.put("range", new double[]{min, max});
        String title = String.format(Locale.ROOT, "Temperature %.1f °C outside %.0f-%.0f °C for %d min", worstReading,
                min, max, Duration.between(outSince, ts).toMinutes());
        return new AlertDraft(shipmentId, AlertType.TEMPERATURE_EXCURSION, severity, title, evidence, outSince, ts);
    }
}

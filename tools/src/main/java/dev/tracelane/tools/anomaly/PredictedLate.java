package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertDraft;
import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.alert.Severity;
import dev.tracelane.tools.eta.Estimate;
import dev.tracelane.tools.eta.EtaSettings;
import dev.tracelane.tools.text.Times;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A likely miss of the promised window raises an alert: the ETA's probability of arriving after it stays above
 * the threshold for {@code late-persistence} of event time, so one pessimistic estimate (a truck standing in a
 * jam, a rest it may not take) does not alarm. It clears only below a lower threshold, so an estimate
 * hovering at the line does not flap, and it is refreshed when the ETA moves by {@link #REFRESH_MOVE}. A forecast
 * that is not grounded (a new lane, a truck that has hardly driven) does not start that persistence: on its first
 * trips a lane's forecasts are guesses, and the alerts they raised at departure were mostly wrong.
 */
final class PredictedLate {
    private static final Duration REFRESH_MOVE = Duration.ofMinutes(10);
    private final long shipmentId;
    private final Instant promisedUntil;
    private final EtaSettings settings;
    private boolean alerting;
    private Instant since;
    private Instant above;
    private OffsetDateTime reportedEta;

    PredictedLate(long shipmentId, Instant promisedUntil, EtaSettings settings, boolean alerting) {
        this.shipmentId = shipmentId;
        this.promisedUntil = promisedUntil;
        this.settings = settings;
        this.alerting = alerting;
    }

    /** @param grounded whether the forecast rests on the lane's history or the truck's own driving */
    Optional<Verdict> observe(Estimate estimate, boolean grounded) {
        Double probability = estimate.lateProbability();
        if (probability == null) {
            return Optional.empty();
        }
        Instant at = estimate.asOf().toInstant();
        boolean missed = !at.isBefore(promisedUntil);
        if (probability >= settings.lateProbability() && (grounded || alerting || missed)) {
            if (above == null) {
                above = at;
            }
            boolean moved = reportedEta == null
                    || Duration.between(reportedEta, estimate.eta()).abs().compareTo(REFRESH_MOVE) >= 0;
            boolean persisted = missed || Duration.between(above, at).compareTo(settings.latePersistence()) >= 0;
            if (alerting ? moved : persisted) {
                if (since == null) {
                    since = above;
                }
                alerting = true;
                reportedEta = estimate.eta();
                return Optional.of(new Verdict.Raise(draft(estimate, probability, at)));
            }
            return Optional.empty();
        }
        above = null;
        if (alerting && probability < settings.lateClearProbability()) {
            alerting = false;
            since = null;
            reportedEta = null;
            Map<String, Object> back = new LinkedHashMap<>();
            back.put("eta", estimate.eta().toString());
            back.put("lateProbability", probability);
            return Optional.of(new Verdict.Clear(shipmentId, AlertType.PREDICTED_LATE, at, back));
        }
        return Optional.empty();
    }

    /** Delivered: the prediction is settled either way, with the arrival as its evidence. */
    Optional<Verdict> arrived(Instant arrival) {
        if (!alerting) {
            return Optional.empty();
        }
        alerting = false;
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("arrivedAt", arrival.toString());
        end.put("minutesLate", Math.max(0, Duration.between(promisedUntil, arrival).toMinutes()));
        return Optional.of(new Verdict.Clear(shipmentId, AlertType.PREDICTED_LATE, arrival, end));
    }

    private AlertDraft draft(Estimate e, double probability, Instant at) {
        long minutesLate = Duration.between(promisedUntil, e.eta().toInstant()).toMinutes();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("eta", e.eta().toString());
        evidence.put("p10", e.p10().toString());
        evidence.put("p90", e.p90().toString());
        evidence.put("promisedUntil", promisedUntil.toString());
        evidence.put("lateProbability", probability);
        evidence.put("minutesLate", minutesLate);
        evidence.put("remainingMeters", e.remainingMeters());
        evidence.put("basis", e.basis().explanation());
        Severity severity = e.p10().toInstant().isAfter(promisedUntil) ? Severity.CRITICAL : Severity.WARNING;
        String title = minutesLate > 0
                ? String.format(Locale.ROOT, "Likely late: ETA %s, %s after the promised %s (%.0f%% likely)",
                Times.utc(e.eta().toInstant()), Times.minutes(minutesLate), Times.utc(promisedUntil),
                probability * 100)
                : String.format(Locale.ROOT, "At risk of being late: %.0f%% likely to arrive after the promised %s",
                probability * 100, Times.utc(promisedUntil));
        return new AlertDraft(shipmentId, AlertType.PREDICTED_LATE, severity, title, evidence, since, at);
    }
}

package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * How well {@code predicted_late} alerts foretold late arrivals, over the trips with a promise. A trip counts as
 * flagged when such an alert was detected before it arrived; precision is the share of flagged trips that were
 * late, recall the share of late trips that were flagged, and lead time how long before arrival the first alert
 * came (median and 10th percentile, the short end), in minutes.
 */
record LateSummary(int promised, int late, int flagged, int flaggedLate, double precision, double recall,
                   double leadMedianMinutes, double leadP10Minutes) {
    static final double BAR_PRECISION = 0.8;

    /** @param firstAlert epoch seconds of the first alert detected before arrival, or null when none was */
    record Outcome(String tripId, long arrival, long promisedUntil, Long firstAlert) {
        boolean late() {
            return arrival > promisedUntil;
        }
    }

    static LateSummary of(List<Outcome> outcomes) {
        int late = 0;
        int flagged = 0;
        int flaggedLate = 0;
        List<Double> leads = new ArrayList<>();
        for (Outcome o : outcomes) {
            late += o.late() ? 1 : 0;
            if (o.firstAlert() != null) {
                flagged++;
                if (o.late()) {
                    flaggedLate++;
                    leads.add((o.arrival() - o.firstAlert()) / 60.0);
                }
            }
        }
        return new LateSummary(outcomes.size(), late, flagged, flaggedLate,
                flagged == 0 ? Double.NaN : flaggedLate / (double) flagged,
                late == 0 ? Double.NaN : flaggedLate / (double) late,
                Quantiles.median(leads).orElse(Double.NaN), Quantiles.percentile(leads, 10).orElse(Double.NaN));
    }
}

package dev.tracelane.bench.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * @param firstPing  epoch seconds of the trip's first ping
     * @param firstAlert epoch seconds of the first alert detected before arrival, or null when none was
     */
    record Outcome(String tripId, String lane, long firstPing, long arrival, long promisedUntil, Long firstAlert) {
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

    /** Every trip with a promise, in replay order, so a false alarm can be looked up; times in epoch seconds. */
    static void write(List<Outcome> outcomes, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("trip_id,lane,first_ping,arrival,promised_until,first_alert,late");
        for (Outcome o : outcomes) {
            lines.add(String.join(",", o.tripId(), o.lane(), String.valueOf(o.firstPing()),
                    String.valueOf(o.arrival()), String.valueOf(o.promisedUntil()),
                    o.firstAlert() == null ? "" : String.valueOf(o.firstAlert()), String.valueOf(o.late())));
        }
        Files.write(file, lines);
    }
}

package dev.tracelane.bench.replay;

import dev.tracelane.bench.LatencySummary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a replay run measured, as text for people and as one JSON line for scripts. Exactly one of {@code eta}
 * (with {@code late}) and {@code detectors} is present, by mode.
 *
 * @param notes anything that qualifies the figures: fallbacks used, waits that timed out
 */
record ReplayReport(String run, int trainTrips, int trips, long lanes, double seconds, EtaSummary eta,
                    LateSummary late, DetectorSummary detectors, long sent, long acked, long unanswered,
                    Map<String, Long> errors, LatencySummary ackLatency, List<String> notes) {

    String toText() {
        StringBuilder out = new StringBuilder();
        out.append(fmt("Tracelane replay bench, run %s: %d trips on %d lanes, after %d train trips (%.0f s)%n",
                run, trips, lanes, trainTrips, seconds));
        if (eta != null) {
            etaText(out);
        }
        if (late != null) {
            out.append(fmt("Predicted late, %d trips with a promise, %d late: flagged %d, precision %s (bar >= %.1f),"
                            + " recall %s, lead time median %s min, p10 %s min%n", late.promised(), late.late(),
                    late.flagged(), num(late.precision(), 2), LateSummary.BAR_PRECISION, num(late.recall(), 2),
                    num(late.leadMedianMinutes(), 0), num(late.leadP10Minutes(), 0)));
        }
        if (detectors != null) {
            detectorText(out);
        }
        out.append(fmt("Replay: %,d pings sent, %,d acked, %,d unanswered, errors %s; ack latency p50 %.2f ms,"
                        + " p99 %.2f ms%n", sent, acked, unanswered, errors.isEmpty() ? "none" : errors.entrySet()
                        .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                ackLatency.p50(), ackLatency.p99()));
        notes.forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
    }

    private void etaText(StringBuilder out) {
        out.append(fmt("ETA: MAE of remaining time, minutes  %8s %8s %8s %8s%n", "25 %", "50 %", "75 %", "all"));
        for (EtaMethod method : EtaMethod.values()) {
            List<Double> mae = eta.mae().get(method);
            out.append(fmt("  %-33s %8s %8s %8s %8s%s%n", method.label, num(mae.get(0), 1), num(mae.get(1), 1),
                    num(mae.get(2), 1), num(mae.get(3), 1), method == eta.bestBaseline() ? "  <- best baseline" : ""));
        }
        List<Integer> n = eta.compared();
        out.append(fmt("  %-33s %8d %8d %8d %8d%n", "checkpoints compared", n.get(0), n.get(1), n.get(2), n.get(3)));
        List<Double> better = eta.improvementPercent();
        out.append(fmt("  %-33s %8s %8s %8s %8s  (bar: >= %.0f %% lower at each; %s)%n", "predictor below best, %",
                num(better.get(0), 1), num(better.get(1), 1), num(better.get(2), 1), num(better.get(3), 1),
                EtaSummary.BAR_PERCENT, eta.meetsBar() ? "met" : "not met"));
        out.append(fmt("  p10-p90 coverage %s %% of %d checkpoints with an interval (bar 75-85 %%)%n",
                num(eta.coverage() * 100, 1), eta.withInterval()));
        out.append(fmt("  ETA read at %d of %d checkpoints (%d trips); %d not fresh within %d s, %d unavailable%n",
                eta.answered(), eta.checkpoints(), eta.trips(), eta.timeouts(), EtaProbe.TIMEOUT.toSeconds(),
                eta.unavailable()));
    }

    private void detectorText(StringBuilder out) {
        int injected = detectors.variants().stream().mapToInt(DetectorSummary.VariantRow::trips).sum();
        out.append(fmt("Detectors: %d trips with one anomaly each%n", injected));
        out.append(fmt("  %-18s %5s %8s %6s %9s %9s %7s %7s  %s%n", "anomaly", "trips", "detected", "recall",
                "delay p50", "delay p90", "cleared", "flapped", "bar"));
        for (DetectorSummary.VariantRow r : detectors.variants()) {
            out.append(fmt("  %-18s %5d %8d %6s %9s %9s %7d %7d  %s%n", r.variant(), r.trips(), r.detected(),
                    num(r.recall(), 2), minutes(r.delayMedianMinutes()), minutes(r.delayP90Minutes()), r.cleared(),
                    r.flapped(), bar(r)));
        }
        out.append("  false alarms on clean trips:");
        for (DetectorSummary.FalseAlarmRow f : detectors.falseAlarms()) {
            out.append(fmt(" %s %d/%d (%s %%)", f.alertType(), f.alarmed(), f.cleanTrips(), num(f.rate() * 100, 1)));
        }
        out.append(" (bars: route_deviation <= 2 %, unplanned_stop <= 1 %)\n");
        out.append(fmt("  the generator's own stops >= %d min detected as unplanned_stop: %d of %d;"
                        + " its tracker gaps detected as tracker_silent: %d of %d%n",
                DetectorSummary.NATURAL_STOP_MINUTES, detectors.naturalStopsDetected(), detectors.naturalStops(),
                detectors.naturalGapsDetected(), detectors.naturalGaps()));
        out.append(fmt("  tracker_silent explained by no outage or gap: %d in %.0f tracker-hours = %s per 100 h"
                        + " (bar <= 1)%n", detectors.unexplainedSilences(), detectors.trackerHours(),
                num(detectors.silencePer100Hours(), 2)));
    }

    /** The QUALITY.md bar a variant answers to, as a reminder next to its row. */
    private static String bar(DetectorSummary.VariantRow r) {
        return switch (r.kind()) {
            case DETOUR -> r.size() >= 600 ? "recall >= 0.9, delay p50 <= 3 min" : "inside the 500 m corridor";
            case STOP -> "recall >= 0.95";
            case OUTAGE -> "alert within 3 x the usual interval";
            case TEMPERATURE -> "cleared when back in range, no flapping";
        };
    }

    String toJson() {
        JsonOut json = new JsonOut().field("run", run).field("trainTrips", trainTrips).field("trips", trips)
                .field("lanes", lanes).field("seconds", seconds);
        if (eta != null) {
            json.begin("eta").field("checkpoints", eta.checkpoints()).field("answered", eta.answered())
                    .field("timeouts", eta.timeouts()).field("unavailable", eta.unavailable());
            for (EtaMethod method : EtaMethod.values()) {
                json.begin(method.key);
                columns(json, eta.mae().get(method));
                json.end();
            }
            json.begin("compared");
            for (int i = 0; i < EtaSummary.COLUMNS.size(); i++) {
                json.field(column(i), eta.compared().get(i));
            }
            json.end().begin("improvementPercent");
            columns(json, eta.improvementPercent());
            json.end().field("bestBaseline", eta.bestBaseline() == null ? null : eta.bestBaseline().key)
                    .field("meetsBar", eta.meetsBar()).field("coverage", eta.coverage()).end();
        }
        if (late != null) {
            json.begin("predictedLate").field("promised", late.promised()).field("late", late.late())
                    .field("flagged", late.flagged()).field("flaggedLate", late.flaggedLate())
                    .field("precision", late.precision()).field("recall", late.recall())
                    .field("leadMedianMinutes", late.leadMedianMinutes())
                    .field("leadP10Minutes", late.leadP10Minutes()).end();
        }
        if (detectors != null) {
            json.begin("detectors");
            for (DetectorSummary.VariantRow r : detectors.variants()) {
                json.begin(r.variant().replace(' ', '_').replace("°", "")).field("trips", r.trips())
                        .field("detected", r.detected()).field("recall", r.recall())
                        .field("delayMedianMinutes", r.delayMedianMinutes())
                        .field("delayP90Minutes", r.delayP90Minutes()).field("cleared", r.cleared())
                        .field("flapped", r.flapped()).end();
            }
            json.begin("falseAlarmRate");
            detectors.falseAlarms().forEach(f -> json.field(f.alertType(), f.rate()));
            json.end().field("naturalStops", detectors.naturalStops())
                    .field("naturalStopsDetected", detectors.naturalStopsDetected())
                    .field("naturalGaps", detectors.naturalGaps())
                    .field("naturalGapsDetected", detectors.naturalGapsDetected())
                    .field("trackerHours", detectors.trackerHours())
                    .field("silencePer100Hours", detectors.silencePer100Hours())
                    .field("detectedAtGiven", detectors.detectedAtGiven()).end();
        }
        json.begin("replay").field("sent", sent).field("acked", acked).field("unanswered", unanswered)
                .field("ackP50Ms", ackLatency.p50()).field("ackP99Ms", ackLatency.p99()).begin("errors");
        errors.forEach(json::field);
        return json.end().end().field("notes", notes).toString();
    }

    private static void columns(JsonOut json, List<Double> values) {
        for (int i = 0; i < EtaSummary.COLUMNS.size(); i++) {
            json.field(column(i), values.get(i));
        }
    }

    private static String column(int i) {
        int percent = EtaSummary.COLUMNS.get(i);
        return percent == 0 ? "all" : "p" + percent;
    }

    private static String minutes(double value) {
        return Double.isNaN(value) ? "n/a" : fmt("%.1f min", value);
    }

    private static String num(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : fmt("%." + decimals + "f", value);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

package dev.tracelane.bench;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What a run measured. Offered and durable rates cover the measurement window; {@code acked} and
 * {@code storedRows} cover the whole run, since every event acked at any time must be in the table.
 *
 * @param storedRows rows in tracking_events for the run's trackers, when the database was checked
 */
record Report(Options options, double seconds, long offeredEvents, long durableEvents, LatencySummary latency,
              Map<String, Long> errors, long disconnects, long reconnects, long notSent, long unanswered,
              long acked, OptionalLong storedRows) {

    static Report of(Options options, Stats stats, OptionalLong storedRows) {
        return new Report(options, stats.window().seconds(), stats.sentInWindow(), stats.ackedInWindow(),
                LatencySummary.of(stats.latencyMicros()), stats.errors(), stats.disconnects(), stats.reconnects(),
                stats.notSent(), stats.unanswered(), stats.ackedTotal(), storedRows);
    }

    double offeredPerSecond() {
        return offeredEvents / seconds;
    }

    double durablePerSecond() {
        return durableEvents / seconds;
    }

    /** Acked events missing from the table. */
    long lost() {
        return storedRows.isPresent() ? Math.max(0, acked - storedRows.getAsLong()) : 0;
    }

    String scenario() {
        String pacing = options.closedLoop()
                ? options.inFlight() + " in flight per socket, as fast as acks allow"
                : fmt("%s events/s per tracker (%,.0f events/s offered in all)", options.ratePerTracker(),
                options.ratePerTracker() * options.trackers());
        return fmt("%,d trackers, batches of %d, %s", options.trackers(), options.batch(), pacing);
    }

    String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Tracelane ingest bench: ").append(scenario()).append('\n');
        line(out, "measured", fmt("%.1f s after %d s warm-up", seconds, options.warmupSeconds()));
        line(out, "offered", fmt("%,.0f events/s", offeredPerSecond()));
        line(out, "durable (acked)", fmt("%,.0f events/s", durablePerSecond()));
        line(out, "ack latency", fmt("p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms  (%,d batches)",
                latency.p50(), latency.p90(), latency.p99(), latency.p999(), latency.max(), latency.batches()));
        line(out, "errors", errors.isEmpty() ? "none" : errors.entrySet().stream()
                .map(e -> fmt("%s %,d", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        line(out, "sockets", fmt("%,d disconnects, %,d reconnects", disconnects, reconnects));
        line(out, "unanswered", fmt("%,d events (in flight when a socket dropped or at the end)", unanswered));
        if (notSent > 0) {
            line(out, "not sent", fmt("%,d events (socket down when due)", notSent));
        }
        line(out, "durability", durability());
        return out.toString();
    }

    String toJson() {
        StringBuilder out = new StringBuilder("{");
        out.append("\"trackers\":").append(options.trackers())
                .append(",\"batch\":").append(options.batch())
                .append(",\"inFlight\":").append(options.closedLoop() ? String.valueOf(options.inFlight()) : "null")
                .append(",\"ratePerTracker\":").append(options.ratePerTracker())
                .append(",\"warmupSeconds\":").append(options.warmupSeconds())
                .append(",\"seconds\":").append(fmt("%.3f", seconds))
                .append(",\"offeredPerSecond\":").append(fmt("%.1f", offeredPerSecond()))
                .append(",\"durablePerSecond\":").append(fmt("%.1f", durablePerSecond()))
                .append(",\"latencyMs\":{\"batches\":").append(latency.batches())
                .append(",\"p50\":").append(latency.p50())
                .append(",\"p90\":").append(latency.p90())
                .append(",\"p99\":").append(latency.p99())
                .append(",\"p999\":").append(latency.p999())
                .append(",\"max\":").append(latency.max())
                .append("},\"errors\":{")
                .append(errors.entrySet().stream().map(e -> Json.quote(e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining(",")))
                .append("},\"disconnects\":").append(disconnects)
                .append(",\"reconnects\":").append(reconnects)
                .append(",\"notSent\":").append(notSent)
                .append(",\"unanswered\":").append(unanswered)
                .append(",\"acked\":").append(acked)
                .append(",\"storedRows\":")
                .append(storedRows.isPresent() ? String.valueOf(storedRows.getAsLong()) : "null")
                .append(",\"lost\":").append(storedRows.isPresent() ? String.valueOf(lost()) : "null");
        return out.append('}').toString();
    }

    private String durability() {
        if (storedRows.isEmpty()) {
            return fmt("not checked (%,d events acked)", acked);
        }
        long stored = storedRows.getAsLong();
        String verdict = lost() > 0 ? fmt("LOST %,d", lost()) : "OK";
        String extra = stored > acked ? fmt(", %,d stored without an ack reaching us", stored - acked) : "";
        return fmt("%s: %,d rows stored for %,d events acked%s", verdict, stored, acked, extra);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(fmt("  %-16s %s%n", label, value));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

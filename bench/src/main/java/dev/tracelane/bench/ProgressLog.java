package dev.tracelane.bench;

import java.io.PrintStream;

/** A line every few seconds while the load runs, so a stalled or refusing service is visible at once. */
final class ProgressLog implements Runnable {
    private final Stats stats;
    private final long startNanos;
    private final PrintStream log;
    private long lastNanos;
    private long lastSent;
    private long lastAcked;

    ProgressLog(Stats stats, long startNanos, PrintStream log) {
        this.stats = stats;
        this.startNanos = startNanos;
        this.log = log;
        this.lastNanos = startNanos;
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        long sent = stats.sentTotal();
        long acked = stats.ackedTotal();
        double seconds = (now - lastNanos) / 1e9;
        MeasurementWindow window = stats.window();
        String phase = now - window.startNanos() < 0 ? "warm-up" : window.contains(now) ? "measuring" : "draining";
        log.printf("t=%4.0fs %-9s sent %,8.0f ev/s  acked %,8.0f ev/s  errors %,d  disconnects %,d%n",
                (now - startNanos) / 1e9, phase, (sent - lastSent) / seconds, (acked - lastAcked) / seconds,
                stats.errorCount(), stats.disconnects());
        lastNanos = now;
        lastSent = sent;
        lastAcked = acked;
    }
}

package dev.tracelane.bench;

/** The measured part of a run on the {@link System#nanoTime()} clock, after warm-up. */
public record MeasurementWindow(long startNanos, long endNanos) {

    boolean contains(long nanos) {
        return nanos - startNanos >= 0 && nanos - endNanos < 0;
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}

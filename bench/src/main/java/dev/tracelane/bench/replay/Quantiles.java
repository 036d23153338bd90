package dev.tracelane.bench.replay;

import java.util.Collection;
import java.util.OptionalDouble;

/** Means and percentiles of small samples (a few hundred checkpoints or detections), computed exactly. */
final class Quantiles {
    private Quantiles() {
    }

    static OptionalDouble mean(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average();
    }

    static OptionalDouble median(Collection<Double> values) {
        return percentile(values, 50);
    }

    /** Linear interpolation between closest ranks; empty for an empty sample. */
    static OptionalDouble percentile(Collection<Double> values, double percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return OptionalDouble.empty();
        }
        double rank = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return OptionalDouble.of(sorted[below] + (sorted[above] - sorted[below]) * (rank - below));
    }
}

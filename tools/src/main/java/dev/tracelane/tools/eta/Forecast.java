package dev.tracelane.tools.eta;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * A distribution of the time to go: a weighted mixture of outcomes (how the drive ends at different paces, how
 * the lane's past trips went from here), each smeared by a log-normal kernel for what no scenario models. A
 * mixture rather than one number, because whether a daily rest falls before arrival splits the outcomes ten
 * hours apart: an average of the two is a time nobody arrives at.
 *
 * @param seconds outcomes, seconds to go, each above zero
 * @param weights their weights, summing to one
 * @param spread  the kernel's standard deviation, in log seconds
 */
record Forecast(double[] seconds, double[] weights, double spread) {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double KERNEL_REACH = 6;
    /** Halvings of a range of a few log units: a millionth of the time to go, far below a second. */
    private static final int BISECTIONS = 30;

    Forecast {
        if (seconds.length == 0 || seconds.length != weights.length || !(spread > 0)) {
            throw new IllegalArgumentException("a forecast needs outcomes, a weight for each and a spread");
        }
        if (Arrays.stream(seconds).anyMatch(s -> !Double.isFinite(s)) || Arrays.stream(weights).anyMatch(w -> w < 0)
                || Math.abs(Arrays.stream(weights).sum() - 1) > 1e-6) {
            throw new IllegalArgumentException("a forecast's outcomes must be finite and its weights sum to one");
        }
        seconds = Arrays.stream(seconds).map(s -> Math.max(1, s)).toArray();
        weights = weights.clone();
    }

    /** Probability that the time to go is at most {@code x} seconds. */
    double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        double p = 0;
        for (int i = 0; i < seconds.length; i++) {
            p += weights[i] * STANDARD_NORMAL.cumulativeProbability((Math.log(x) - Math.log(seconds[i])) / spread);
        }
        return Math.min(1, p);
    }

    /** The time to go at probability {@code q} (0-1), found by bisection in log time. */
    double quantile(double q) {
        double lo = Math.log(Arrays.stream(seconds).min().orElseThrow()) - KERNEL_REACH * spread;
        double hi = Math.log(Arrays.stream(seconds).max().orElseThrow()) + KERNEL_REACH * spread;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(Math.exp(mid)) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }
}

package dev.tracelane.tools.eta;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * A distribution of the time to go: a weighted mixture of outcomes (how the drive ends at different paces, how
 * the lane's past trips went from here), each smeared by a log-normal kernel for what no scenario models. A
 * mixture rather than one number, because whether a daily rest falls before arrival splits the outcomes ten
 * hours apart: an average of the two is a time nobody arrives at.
 */
final class Forecast {
    /**
     * The standard normal CDF from -6 to 6 in steps of 0.01, interpolated: a forecast reads it thousands of
     * times per estimate, and the exact function costs a hundred times more for an error under 1e-5.
     */
    private static final double[] STANDARD_NORMAL = standardNormal();
    private static final double TABLE_STEP = 0.01;
    private static final double TABLE_REACH = 6;
    private static final double KERNEL_REACH = 6;
    /** Halvings of a range of a few log units: a millionth of the time to go, far below a second. */
    private static final int BISECTIONS = 30;
    private final double[] logSeconds;
    private final double[] weights;
    private final double spread;
    /** Where every quantile lies, in log seconds: the outcomes widened by the kernel's reach. */
    private final double lowest;
    private final double highest;

    /**
     * @param seconds outcomes, seconds to go (below one counts as one)
     * @param weights their weights, summing to one
     * @param spread  the kernel's standard deviation, in log seconds
     */
    Forecast(double[] seconds, double[] weights, double spread) {
        if (seconds.length == 0 || seconds.length != weights.length || !(spread > 0)) {
            throw new IllegalArgumentException("a forecast needs outcomes, a weight for each and a spread");
        }
        if (Arrays.stream(seconds).anyMatch(s -> !Double.isFinite(s)) || Arrays.stream(weights).anyMatch(w -> w < 0)
                || Math.abs(Arrays.stream(weights).sum() - 1) > 1e-6) {
            throw new IllegalArgumentException("a forecast's outcomes must be finite and its weights sum to one");
        }
        this.logSeconds = Arrays.stream(seconds).map(s -> Math.log(Math.max(1, s))).toArray();
        this.weights = weights.clone();
        this.spread = spread;
        this.lowest = Arrays.stream(logSeconds).min().orElseThrow() - KERNEL_REACH * spread;
        this.highest = Arrays.stream(logSeconds).max().orElseThrow() + KERNEL_REACH * spread;
    }

    /** Probability that the time to go is at most {@code x} seconds. */
    double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        return cdfAtLog(Math.log(x));
    }

    private double cdfAtLog(double logX) {
        double p = 0;
        for (int i = 0; i < logSeconds.length; i++) {
            p += weights[i] * phi((logX - logSeconds[i]) / spread);
        }
        return Math.min(1, p);
    }

    /** The time to go at probability {@code q} (0-1), found by bisection in log time. */
    double quantile(double q) {
        double lo = lowest;
        double hi = highest;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            if (cdfAtLog(mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double phi(double z) {
        if (z <= -TABLE_REACH) {
            return 0;
        }
        if (z >= TABLE_REACH) {
            return 1;
        }
        double pos = (z + TABLE_REACH) / TABLE_STEP;
        int lo = (int) pos;
        return STANDARD_NORMAL[lo] + (pos - lo) * (STANDARD_NORMAL[lo + 1] - STANDARD_NORMAL[lo]);
    }

    private static double[] standardNormal() {
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        double[] table = new double[(int) Math.round(2 * TABLE_REACH / TABLE_STEP) + 1];
        for (int i = 0; i < table.length; i++) {
            table[i] = normal.cumulativeProbability(-TABLE_REACH + i * TABLE_STEP);
        }
        return table;
    }
}

package dev.tracelane.tools.eta;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far raw estimates were off on past trips, by progress bucket: the ratio of the actual time to go to the
 * estimate. Its quantiles turn a raw estimate into a point estimate and a p10-p90 window; without enough
 * history a log-normal spread stands in.
 */
final class Calibration {
    static final int MIN_SAMPLES = 8;
    /** Spread of the log ratio assumed without history: p10-p90 of about -18 % / +21 %. */
    private static final double DEFAULT_SIGMA = 0.15;
    private static final double Z90 = 1.2816;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private final String source;
    private final int trips;
    private final double[][] byBucket;

    private Calibration(String source, int trips, double[][] byBucket) {
        this.source = source;
        this.trips = trips;
        this.byBucket = byBucket;
    }

    static Calibration none() {
        return new Calibration("none", 0, new double[LaneTrip.STEPS][0]);
    }

    static Calibration of(String source, List<LaneTrip> history) {
        double[][] byBucket = new double[LaneTrip.STEPS][];
        for (int b = 0; b < LaneTrip.STEPS; b++) {
            List<Double> ratios = new ArrayList<>();
            for (LaneTrip trip : history) {
                for (int k = Math.max(0, b - 1); k <= Math.min(LaneTrip.STEPS - 1, b + 1); k++) {
                    double r = trip.errorRatios()[k];
                    if (Double.isFinite(r) && r > 0) {
                        ratios.add(r);
                    }
                }
            }
            byBucket[b] = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        return new Calibration(source, history.size(), byBucket);
    }

    boolean covers(int bucket) {
        return byBucket[bucket].length >= MIN_SAMPLES;
    }

    /** @return the ratio at quantile q (0-1) for this bucket */
    double ratio(int bucket, double q) {
        double[] sorted = byBucket[bucket];
        if (sorted.length < MIN_SAMPLES) {
            return Math.exp(DEFAULT_SIGMA * Z90 * (q - 0.5) / 0.4);
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Probability that the actual time to go exceeds {@code limitRatio} times the raw estimate. */
    double probabilityAbove(int bucket, double limitRatio) {
        double[] sorted = byBucket[bucket];
        if (sorted.length < MIN_SAMPLES) {
            return 1 - STANDARD_NORMAL.cumulativeProbability(Math.log(Math.max(limitRatio, 1e-9)) / DEFAULT_SIGMA);
        }
        int above = sorted.length - upperBound(sorted, limitRatio);
        return (above + 0.5) / (sorted.length + 1);
    }

    private static int upperBound(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i < sorted.length && sorted[i] == value) {
            i++;
        }
        return i;
    }

    String source() {
        return source;
    }

    int trips() {
        return trips;
    }
}

package dev.tracelane.tools.eta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where past trips' actual arrivals fell in the forecasts made for them, by progress bucket: each trip's
 * level, the forecast's probability of arriving by the actual time. A forecast that is right in spread and
 * centre gives levels spread evenly over 0-1; one that is too sure piles them at the ends. Mapping a wanted
 * probability through the past levels (quantile recalibration) turns the forecast into a point estimate and a
 * p10-p90 window that cover as often as they claim, and a chance of lateness that means what it says. Without
 * enough history the forecast is taken as it is.
 */
final class Calibration {
    static final int MIN_SAMPLES = 8;
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
            List<Double> levels = new ArrayList<>();
            for (LaneTrip trip : history) {
                for (int k = Math.max(0, b - 1); k <= Math.min(LaneTrip.STEPS - 1, b + 1); k++) {
                    double level = trip.forecastLevels()[k];
                    if (level >= 0 && level <= 1) {
                        levels.add(level);
                    }
                }
            }
            byBucket[b] = levels.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        return new Calibration(source, history.size(), byBucket);
    }

    boolean covers(int bucket) {
        return byBucket[bucket].length >= MIN_SAMPLES;
    }

    /** The forecast probability to read off for a calibrated probability {@code q} (0-1). */
    double level(int bucket, double q) {
        double[] sorted = byBucket[bucket];
        if (sorted.length < MIN_SAMPLES) {
            return q;
        }
        // the k-th of n past levels sits at k / (n + 1), not (k - 1) / (n - 1): read so, a window from a few dozen
        // trips covers as often as it claims instead of a few points less
        double pos = Math.max(0, Math.min(sorted.length - 1, q * (sorted.length + 1) - 1));
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Calibrated probability of arriving later than where the forecast puts probability {@code level}. */
    double probabilityAbove(int bucket, double level) {
        double[] sorted = byBucket[bucket];
        if (sorted.length < MIN_SAMPLES) {
            return 1 - level;
        }
        int above = sorted.length - upperBound(sorted, level);
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

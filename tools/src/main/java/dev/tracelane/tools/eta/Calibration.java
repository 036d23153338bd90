package dev.tracelane.tools.eta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where past trips' actual arrivals fell in the forecasts made for them, by progress bucket: each trip's
 * level, the forecast's probability of arriving by the actual time. A forecast that is right in spread and
 * centre gives levels spread evenly over 0-1; one that is too sure piles them at the ends. Mapping a wanted
 * probability through the past levels (quantile recalibration) turns the forecast into a point estimate and a
 * p10-p90 window that cover as often as they claim, and a chance of lateness that means what it says. Without
 * enough history the forecast is taken as it is.
 * <p>
 * A lane's own trips may lean on a pool of all lanes' at the same stage ({@link #leaningOn}): a handful of trips
 * spans only part of what the lane can do, and a window read off them alone covers far less often than it claims.
 */
final class Calibration {
    static final int MIN_SAMPLES = 8;
    /** Own trips at which a lane's levels weigh as much as the pool it leans on. */
    static final double POOL_TRIPS = 5;
    private final String source;
    private final int trips;
    private final double[][] byBucket;
    private final int[] tripsByBucket;
    private final Calibration pool;

    private Calibration(String source, int trips, double[][] byBucket, int[] tripsByBucket, Calibration pool) {
        this.source = source;
        this.trips = trips;
        this.byBucket = byBucket;
        this.tripsByBucket = tripsByBucket;
        this.pool = pool;
    }

    /** The levels of {@code history} at each bucket and its neighbours. */
    static Calibration of(String source, List<LaneTrip> history) {
        double[][] byBucket = new double[LaneTrip.STEPS][];
        int[] tripsByBucket = new int[LaneTrip.STEPS];
        for (int b = 0; b < LaneTrip.STEPS; b++) {
            List<Double> levels = new ArrayList<>();
            for (LaneTrip trip : history) {
                int before = levels.size();
                for (int k = Math.max(0, b - 1); k <= Math.min(LaneTrip.STEPS - 1, b + 1); k++) {
                    double level = trip.forecastLevels()[k];
                    if (level >= 0 && level <= 1) {
                        levels.add(level);
                    }
                }
                tripsByBucket[b] += levels.size() > before ? 1 : 0;
            }
            byBucket[b] = levels.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        return new Calibration(source, history.size(), byBucket, tripsByBucket, null);
    }

    /** These levels, weighing n / (n + {@link #POOL_TRIPS}) at a bucket with n trips, the pool's the rest. */
    Calibration leaningOn(Calibration pool) {
        return new Calibration(source, trips, byBucket, tripsByBucket, pool);
    }

    boolean covers(int bucket) {
        return ownCovers(bucket) || pooled(bucket);
    }

    /** The forecast probability to read off for a calibrated probability {@code q} (0-1). */
    double level(int bucket, double q) {
        // the inverse of cdf, found by halving: cdf rises with the level, and a blend has no closed inverse
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(bucket, mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Calibrated probability of arriving later than where the forecast puts probability {@code level}. */
    double probabilityAbove(int bucket, double level) {
        return 1 - cdf(bucket, level);
    }

    /** Which levels set the window at a bucket; the window, its label and its explanation all follow this. */
    private enum Use { BLEND, OWN, POOL, NONE }

    private Use use(int bucket) {
        if (pooled(bucket) && byBucket[bucket].length > 0) {
            return Use.BLEND;
        }
        if (ownCovers(bucket)) {
            return Use.OWN;
        }
        return pooled(bucket) ? Use.POOL : Use.NONE;
    }

    /** The calibrated probability of an arrival by where the forecast puts probability {@code level}. */
    private double cdf(int bucket, double level) {
        return switch (use(bucket)) {
            case BLEND -> {
                double weight = tripsByBucket[bucket] / (tripsByBucket[bucket] + POOL_TRIPS);
                yield weight * ownCdf(bucket, level) + (1 - weight) * pool.cdf(bucket, level);
            }
            case OWN -> ownCdf(bucket, level);
            case POOL -> pool.cdf(bucket, level);
            case NONE -> level;
        };
    }

    private boolean pooled(int bucket) {
        return pool != null && pool.covers(bucket);
    }

    private boolean ownCovers(int bucket) {
        return byBucket[bucket].length >= MIN_SAMPLES;
    }

    /**
     * The share of this calibration's levels at or below {@code level}, the k-th of n sitting at k / (n + 1)
     * between 0 at level 0 and 1 at level 1, not at (k - 1) / (n - 1): read so, a window from a few dozen trips
     * covers as often as it claims instead of a few points less.
     */
    private double ownCdf(int bucket, double level) {
        if (level >= 1) {
            return 1;
        }
        double[] sorted = byBucket[bucket];
        int k = upperBound(sorted, level);
        double from = at(sorted, k);
        double to = at(sorted, k + 1);
        double within = to > from ? (Math.max(from, Math.min(to, level)) - from) / (to - from) : 0;
        return (k + within) / (sorted.length + 1);
    }

    /** The k-th point of the levels' curve: 0 first, then the sorted levels, then 1. */
    private static double at(double[] sorted, int k) {
        return k <= 0 ? 0 : k > sorted.length ? 1 : sorted[k - 1];
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

    /** Which trips set the window at this bucket: {@code lane and known lanes}, {@code new lanes}, ... {@code none}. */
    String source(int bucket) {
        return switch (use(bucket)) {
            case BLEND -> source + " and " + pool.source;
            case OWN -> source;
            case POOL -> pool.source;
            case NONE -> "none";
        };
    }

    /** What the window rests on at this bucket, for the estimate's explanation. */
    String describe(int bucket) {
        return switch (use(bucket)) {
            case BLEND -> String.format(Locale.ROOT, "window from %d of this lane's delivered trips beside %d of %s",
                    trips, pool.trips, pool.source);
            case OWN -> String.format(Locale.ROOT, "window from %d delivered trips (%s)", trips, source);
            case POOL -> String.format(Locale.ROOT, "window from %d delivered trips (%s)", pool.trips, pool.source);
            case NONE -> "window from the forecast alone, too few delivered trips to check it against";
        };
    }
}

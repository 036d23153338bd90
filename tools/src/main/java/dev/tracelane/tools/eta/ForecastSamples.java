package dev.tracelane.tools.eta;

import java.util.SplittableRandom;

/**
 * The forecasts one trip's calibration learns from: one per progress bucket, drawn uniformly over the time the
 * trip spent there, each forecast standing until the next one replaced it. An ETA is asked at any moment, a
 * rest's hours included, and a forecast made while the truck stands knows more than the one made on reaching
 * the bucket; calibrated only against the latter, windows read during rests came out wider than claimed. A
 * weighted reservoir of one per bucket keeps that draw in constant memory over a ten-hour rest.
 */
final class ForecastSamples {
    private final Forecast[] kept = new Forecast[LaneTrip.STEPS];
    private final long[] keptAt = new long[LaneTrip.STEPS];
    private final double[] seconds = new double[LaneTrip.STEPS];
    private final SplittableRandom random;
    private Forecast pending;
    private long pendingAt;
    private int pendingBucket;

    /** @param seed fixes the draw, so the same trip replayed learns the same levels */
    ForecastSamples(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A forecast made at {@code at} (epoch seconds, in time order) in {@code bucket}, standing from now on. */
    void add(int bucket, Forecast forecast, long at) {
        settle(at);
        pending = forecast;
        pendingAt = at;
        pendingBucket = bucket;
    }

    /** Per bucket, the drawn forecast's probability of arriving by {@code arrival}; NaN without one. */
    double[] levels(long arrival) {
        settle(arrival);
        double[] levels = new double[LaneTrip.STEPS];
        for (int b = 0; b < LaneTrip.STEPS; b++) {
            levels[b] = kept[b] == null ? Double.NaN : kept[b].cdf(arrival - keptAt[b]);
        }
        return levels;
    }

    /** The pending forecast stood until {@code until}: it replaces its bucket's with its share of the time. */
    private void settle(long until) {
        if (pending == null) {
            return;
        }
        double stood = Math.max(0, until - pendingAt);
        seconds[pendingBucket] += stood;
        // the first forecast of a bucket is kept whatever it stood, so a bucket crossed between two readings
        // still has one
        if (kept[pendingBucket] == null || random.nextDouble() * seconds[pendingBucket] < stood) {
            kept[pendingBucket] = pending;
            keptAt[pendingBucket] = pendingAt;
        }
        pending = null;
    }
}

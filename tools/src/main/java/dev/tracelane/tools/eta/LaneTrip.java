package dev.tracelane.tools.eta;

import java.time.Instant;

/**
 * A delivered trip as lane profiles learn from it.
 *
 * @param timeToGo    seconds to arrival when the truck reached each progress step ({@link #STEPS} + 1 values)
 * @param hourMeters  road metres driven in each hour of week (UTC, Monday 00 first)
 * @param hourSeconds driving seconds in each hour of week
 * @param segmentMeters  road metres driven in each twentieth of the route
 * @param segmentSeconds driving seconds in each twentieth of the route
 * @param pauseSeconds   seconds of stops shorter than a rest between departure and arrival
 * @param forecastLevels per progress bucket ({@link #STEPS}), the probability the forecast made there gave to
 *                       arriving by the actual arrival; NaN where no forecast was made
 * @param laneStage      what the lane knew when this trip set off: calibration reads its forecast levels only
 *                       against forecasts made at the same stage
 * @param cruisingSpeed  the truck's {@link CruisingSpeed} over the trip, m/s; NaN where it never cruised, or
 *                       the trip was learned before cruising speeds were kept
 */
record LaneTrip(long shipmentId, String lane, Instant departedAt, Instant deliveredAt, double lengthMeters,
                double circuity, double[] timeToGo, double[] hourMeters, double[] hourSeconds,
                double[] segmentMeters, double[] segmentSeconds, double pauseSeconds, double[] forecastLevels,
                LaneStage laneStage, double cruisingSpeed) {
    static final int STEPS = 20;

    static int bucket(double fraction) {
        return Math.max(0, Math.min(STEPS - 1, (int) Math.floor(fraction * STEPS)));
    }

    /**
     * How many seconds of {@code from} to {@code until} the truck spent on each twentieth of the route, from
     * reaching it to reaching the next (stops included); zero where the readings do not say.
     */
    double[] secondsOnStretches(Instant from, Instant until) {
        double[] within = new double[STEPS];
        long arrival = deliveredAt.getEpochSecond();
        for (int k = 0; k < STEPS; k++) {
            if (Double.isFinite(timeToGo[k]) && Double.isFinite(timeToGo[k + 1])) {
                double start = Math.max(from.getEpochSecond(), arrival - timeToGo[k]);
                double end = Math.min(until.getEpochSecond(), arrival - timeToGo[k + 1]);
                within[k] = Math.max(0, end - start);
            }
        }
        return within;
    }
}

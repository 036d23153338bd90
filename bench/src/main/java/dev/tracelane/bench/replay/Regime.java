package dev.tracelane.bench.replay;

/**
 * The random world a data set is drawn from. The held-out set uses a different one (rush hours shifted an hour
 * earlier, heavier congestion, more incidents and stops, slower drivers), so a predictor tuned on the train and
 * test sets is also measured where it was never tuned.
 *
 * @param cruiseMps         highway cruise speed of an average driver
 * @param paceSigma         spread of drivers' pace factors around 1
 * @param rushHours         local hours [start, end) of the morning and evening rush: {7, 9, 16, 19}
 * @param rushUrbanFactor   speed factor in a rush hour near a city
 * @param rushRuralFactor   speed factor in a rush hour elsewhere
 * @param urbanMeters       how near a city centre traffic counts as urban
 * @param slowdownsPerHour  traffic incidents per hour of driving
 * @param stopsPerHour      fuel and meal stops per hour of driving
 * @param gapsPerHour       tracker gaps (2 to 10 minutes without a ping) per hour
 * @param outlierRate       share of pings thrown 100 to 300 m off
 * @param duplicateRate     share of pings sent twice
 * @param lateRate          share of pings sent late, after newer ones
 */
record Regime(String name, double cruiseMps, double paceSigma, int[] rushHours, double rushUrbanFactor,
              double rushRuralFactor, double urbanMeters, double slowdownsPerHour, double stopsPerHour,
              double gapsPerHour, double outlierRate, double duplicateRate, double lateRate) {

    static final Regime STANDARD = new Regime("standard", 25.5, 0.07, new int[]{7, 9, 16, 19}, 0.55, 0.92,
            40_000, 0.3, 0.2, 0.12, 0.002, 0.003, 0.002);
    static final Regime HELDOUT = new Regime("heldout", 24.5, 0.08, new int[]{6, 8, 15, 18}, 0.45, 0.88,
            40_000, 0.45, 0.25, 0.15, 0.003, 0.004, 0.003);

    boolean rushHour(double localHour) {
        return localHour >= rushHours[0] && localHour < rushHours[1]
                || localHour >= rushHours[2] && localHour < rushHours[3];
    }
}

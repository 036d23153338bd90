package dev.tracelane.bench.replay;

import java.util.Random;

/**
 * A reefer's cargo probe: a set point near 4 °C plus slowly wandering error (first-order autoregressive) and
 * reading noise, well inside the 2 to 8 °C range.
 */
final class ReeferProbe {
    static final double SET_POINT = 4.0;
    private static final double PERSISTENCE = 0.9;
    private static final double DRIFT_SIGMA = 0.1;
    private static final double READING_SIGMA = 0.1;

    private final Random rng;
    private final double setPoint;
    private double drift;

    ReeferProbe(Random rng) {
        this.rng = rng;
        this.setPoint = SET_POINT + rng.nextGaussian() * 0.2;
    }

    double next() {
        drift = PERSISTENCE * drift + rng.nextGaussian() * DRIFT_SIGMA;
        return setPoint + drift + rng.nextGaussian() * READING_SIGMA;
    }
}

package dev.tracelane.tools.eta;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForecastTest {
    private static final double HOUR = 3_600;

    @Test
    void theQuantileIsTheInverseOfTheCumulativeProbability() {
        Forecast f = new Forecast(new double[]{8 * HOUR, 9 * HOUR, 12 * HOUR}, new double[]{0.3, 0.3, 0.4}, 0.05);
        for (double q : new double[]{0.1, 0.5, 0.9}) {
            assertThat(f.cdf(f.quantile(q))).isCloseTo(q, within(1e-6));
        }
        assertThat(f.cdf(0)).isZero();
    }

    @Test
    void theMedianOfTwoOutcomesTenHoursApartIsOneOfThemNotTheirAverage() {
        Forecast f = new Forecast(new double[]{10 * HOUR, 20 * HOUR}, new double[]{0.6, 0.4}, 0.05);
        assertThat(f.quantile(0.5) / HOUR).isCloseTo(10.2, within(0.3));
        assertThat(f.quantile(0.9) / HOUR).isCloseTo(20, within(1.0));
    }

    @Test
    void aForecastNeedsAWeightForEachOutcomeAndWeightsThatSumToOne() {
        assertThatThrownBy(() -> new Forecast(new double[]{HOUR}, new double[]{0.5, 0.5}, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Forecast(new double[]{HOUR, 2 * HOUR}, new double[]{0.5, 0.6}, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Forecast(new double[]{Double.NaN}, new double[]{1}, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.tracelane.tools.eta;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ForecastSamplesTest {
    /** A forecast sure of arriving {@code seconds} from when it is made. */
    private static Forecast sure(double seconds) {
        return new Forecast(new double[]{seconds}, new double[]{1}, 0.01);
    }

    /**
     * In bucket 3, an early forecast stands 10 minutes and one made during a rest stands 90; the arrival is
     * early for the first (level 0) and late for the second (level 1).
     */
    private static double levelAfterARest(long seed) {
        ForecastSamples samples = new ForecastSamples(seed);
        samples.add(3, sure(20_000), 0);
        samples.add(3, sure(1_000), 600);
        samples.add(4, sure(1_000), 6_000);
        return samples.levels(7_000)[3];
    }

    @Test
    void aBucketsForecastIsDrawnInProportionToTheTimeItStood() {
        double restShare = LongStream.range(0, 2_000).mapToDouble(ForecastSamplesTest::levelAfterARest)
                .average().orElseThrow();
        assertThat(restShare).isCloseTo(5_400.0 / 6_000, within(0.03));
    }

    @Test
    void theSameTripReplayedDrawsTheSameForecasts() {
        for (long seed = 0; seed < 20; seed++) {
            assertThat(levelAfterARest(seed)).isEqualTo(levelAfterARest(seed));
        }
    }

    @Test
    void aBucketCrossedBetweenTwoReadingsKeepsItsOnlyForecastAndOneWithoutStaysEmpty() {
        ForecastSamples samples = new ForecastSamples(1);
        samples.add(5, sure(3_000), 100);
        samples.add(7, sure(2_000), 100);
        double[] levels = samples.levels(2_500);
        assertThat(levels[5]).isCloseTo(0, within(1e-6));
        assertThat(levels[7]).isCloseTo(1, within(1e-6));
        assertThat(levels[6]).isNaN();
    }
}

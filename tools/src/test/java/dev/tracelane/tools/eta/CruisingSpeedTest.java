package dev.tracelane.tools.eta;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CruisingSpeedTest {
    private final CruisingSpeed cruising = new CruisingSpeed();

    @Test
    void isTheMedianByDrivingTimeOfTheSpeedsFromTheFloorUp() {
        cruising.add(22, 600);
        cruising.add(26, 1_800);
        cruising.add(28, 600);
        cruising.add(8, 3_600); // town
        assertThat(cruising.median()).isCloseTo(26, within(0.25));
        assertThat(cruising.seconds()).isEqualTo(3_000);
    }

    @Test
    void aGlitchFasterThanAnyTruckOrANaNSpeedDoesNotCount() {
        cruising.add(25, 600);
        cruising.add(80, 6_000);
        cruising.add(Double.NaN, 6_000);
        assertThat(cruising.median()).isCloseTo(25, within(0.25));
        assertThat(cruising.seconds()).isEqualTo(600);
    }

    @Test
    void isUnknownBeforeTenMinutesOfCruising() {
        cruising.add(10, 3_600);
        cruising.add(25, 540);
        assertThat(cruising.median()).isNaN();
        cruising.add(25, 60);
        assertThat(cruising.median()).isCloseTo(25, within(0.25));
    }
}

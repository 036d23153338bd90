package dev.tracelane.tracking.geo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RouteDistanceTest {
    private static final List<List<Double>> NORTH_THEN_EAST = List.of(List.of(-88.0, 42.0), List.of(-88.0, 43.0),
            List.of(-87.0, 43.0));

    @Test
    void aPositionBesideASegmentIsMeasuredSquareToIt() {
        double tenthDegreeEast = GreatCircle.meters(42.5, -88.0, 42.5, -87.9);
        assertThat(RouteDistance.meters(42.5, -87.9, NORTH_THEN_EAST)).isCloseTo(tenthDegreeEast, within(50.0));
    }

    @Test
    void aPositionPastTheEndIsMeasuredToTheEnd() {
        assertThat(RouteDistance.meters(41.9, -88.0, NORTH_THEN_EAST))
                .isCloseTo(GreatCircle.meters(41.9, -88.0, 42.0, -88.0), within(50.0));
    }

    @Test
    void aPositionOnTheRouteIsAtNoDistance() {
        assertThat(RouteDistance.meters(43.0, -87.5, NORTH_THEN_EAST)).isLessThan(1.0);
    }
}

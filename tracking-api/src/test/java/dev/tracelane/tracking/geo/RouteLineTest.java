package dev.tracelane.tracking.geo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RouteLineTest {
    /** Chicago -> Kenosha -> Milwaukee. */
    private final RouteLine route = new RouteLine(List.of(
            List.of(-87.6298, 41.8781), List.of(-87.8212, 42.5847), List.of(-87.9065, 43.0389)));

    @Test
    void lengthIsTheSumOfGreatCircleSegments() {
        double expected = GreatCircle.meters(41.8781, -87.6298, 42.5847, -87.8212)
                + GreatCircle.meters(42.5847, -87.8212, 43.0389, -87.9065);
        assertThat(route.lengthMeters()).isCloseTo(expected, within(1.0));
    }

    @Test
    void aPointOnTheRouteHasNoCrossTrackAndSplitsTheLength() {
        RoutePosition at = route.project(42.5847, -87.8212);
        assertThat(at.crossTrackMeters()).isLessThan(1);
        assertThat(at.doneMeters()).isCloseTo(GreatCircle.meters(41.8781, -87.6298, 42.5847, -87.8212), within(5.0));
        assertThat(at.doneMeters() + at.remainingMeters()).isCloseTo(route.lengthMeters(), within(0.01));
    }

    @Test
    void aPointBesideTheRouteMeasuresItsDistanceToIt() {
        // two kilometres west of the middle of the first segment
        double lat = (41.8781 + 42.5847) / 2;
        double lon = (-87.6298 + -87.8212) / 2 - 2_000 / (111_320 * Math.cos(Math.toRadians(lat)));
        RoutePosition at = route.project(lat, lon);
        assertThat(at.crossTrackMeters()).isCloseTo(2_000 * Math.cos(Math.atan2(0.1914 * Math.cos(Math.toRadians(lat)),
                0.7066)), within(60.0));
        assertThat(at.fraction()).isBetween(0.2, 0.35);
    }

    @Test
    void progressGrowsAlongTheRoute() {
        double previous = -1;
        for (double lat = 41.9; lat < 43.0; lat += 0.05) {
            double lon = lat < 42.5847 ? -87.6298 + (lat - 41.8781) / 0.7066 * -0.1914
                    : -87.8212 + (lat - 42.5847) / 0.4542 * -0.0853;
            double done = route.project(lat, lon).doneMeters();
            assertThat(done).isGreaterThan(previous);
            previous = done;
        }
    }

    private static final RouteLine NORTH_THEN_EAST = new RouteLine(List.of(List.of(-88.0, 42.0),
            List.of(-88.0, 43.0), List.of(-87.0, 43.0)));

    @Test
    void aPositionBesideASegmentIsMeasuredSquareToIt() {
        double tenthDegreeEast = GreatCircle.meters(42.5, -88.0, 42.5, -87.9);
        assertThat(NORTH_THEN_EAST.project(42.5, -87.9).crossTrackMeters()).isCloseTo(tenthDegreeEast, within(50.0));
    }

    @Test
    void aPositionPastTheEndIsMeasuredToTheEnd() {
        assertThat(NORTH_THEN_EAST.project(41.9, -88.0).crossTrackMeters())
                .isCloseTo(GreatCircle.meters(41.9, -88.0, 42.0, -88.0), within(50.0));
    }

    @Test
    void aPositionOnTheRouteIsAtNoDistance() {
        assertThat(NORTH_THEN_EAST.project(43.0, -87.5).crossTrackMeters()).isLessThan(1.0);
    }
}

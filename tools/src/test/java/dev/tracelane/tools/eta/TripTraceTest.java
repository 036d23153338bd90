package dev.tracelane.tools.eta;

import dev.tracelane.tracking.geo.GreatCircle;
import dev.tracelane.tracking.geo.RouteLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A shipment without a planned route: a straight line from origin to destination, 1.25 road metres a metre. */
class TripTraceTest {
    private static final Instant T0 = Instant.parse("2026-11-16T06:00:00Z");
    private final RouteLine line = RouteLine.straight(0, 0, 0, 1);

    @Test
    void aTruckOnTheLineHasTheRestOfTheLineToGo() {
        TripTrace trace = new TripTrace(line, 1.25, RestRules.NONE);
        trace.add(T0, 0, 0.25);
        assertThat(trace.remainingRoadMeters()).isCloseTo(line.lengthMeters() * 0.75 * 1.25, within(10.0));
    }

    @Test
    void aTruckFarOffTheLineStillHasTheStraightLineToTheDestinationToGo() {
        TripTrace trace = new TripTrace(line, 1.25, RestRules.NONE);
        trace.add(T0, -1.5, 1); // about 167 km south of the destination: along the line it would be "there"
        assertThat(trace.remainingRoadMeters()).isCloseTo(GreatCircle.meters(-1.5, 1, 0, 1) * 1.25, within(10.0));
    }

    @Test
    void strayFixesAroundAStandingTruckAreNoDrivingSoTheRestStaysWhole() {
        TripTrace trace = new TripTrace(line, 1.25, RestRules.US);
        double lon = 0.3;
        int minute = 0;
        for (; minute <= 60; minute++) {
            trace.add(T0.plusSeconds(60L * minute), 0, lon + minute * 0.0135); // about 25 m/s
        }
        double stood = lon + 60 * 0.0135;
        for (int stop = 0; stop <= 10 * 60; stop++, minute++) {
            // every few hours two fixes 200 m off, a minute apart, each followed by one back in place
            boolean stray = stop % 180 == 90 || stop % 180 == 92;
            trace.add(T0.plusSeconds(60L * minute), stray ? 0.0018 : 0, stood);
        }
        assertThat(trace.clock().sinceDailyRest()).isZero();
        assertThat(trace.clock().standing().toMinutes()).isGreaterThan(9 * 60); // one stop, not three
    }

    @Test
    void cruisingCountsTheFreeDrivingNotTheJamsOrTheStops() {
        TripTrace trace = new TripTrace(line, 1, RestRules.NONE);
        double meters = 0;
        for (int minute = 0; minute <= 90; minute++) {
            trace.add(T0.plusSeconds(60L * minute), 0, meters / line.lengthMeters());
            meters += (minute < 30 ? 25 : minute < 50 ? 3 : minute < 60 ? 0 : 25) * 60;
        }
        assertThat(trace.cruisedSeconds()).isEqualTo(60 * 60);
        assertThat(trace.cruisingSpeed()).isCloseTo(25, within(0.25));
    }

    @Test
    void aGlitchFasterThanAnyTruckIsNotCruising() {
        TripTrace trace = new TripTrace(line, 1, RestRules.NONE);
        trace.add(T0, 0, 0);
        trace.add(T0.plusSeconds(60), 0, 0.05); // 5.6 km in a minute
        assertThat(trace.cruisedSeconds()).isZero();
    }
}

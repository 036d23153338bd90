package dev.tracelane.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TripMotionTest {
    private static final Instant DEPARTURE = Instant.parse("2026-11-20T06:00:00Z");
    private final RoadNetwork roads = new RoadNetwork();

    @Test
    void routesFollowTheRoadGraphThroughRealCities() {
        List<City> path = roads.waypoints(roads.city("Chicago IL"), roads.city("Nashville TN"));
        assertThat(path).extracting(City::name).startsWith("Chicago IL").endsWith("Nashville TN").hasSizeGreaterThan(2);
        List<LatLon> route = roads.route(path);
        assertThat(route.get(0)).isEqualTo(path.get(0).at());
        assertThat(route.get(route.size() - 1)).isEqualTo(path.get(path.size() - 1).at());
    }

    @Test
    void theTruckIsAtTheOriginBeforeDepartureAndAtTheDestinationOnArrival() {
        TripMotion motion = motion("Chicago IL", "Milwaukee WI", Scenario.NORMAL);
        TripMotion.Sample before = motion.at(DEPARTURE.minusSeconds(600)).orElseThrow();
        TripMotion.Sample after = motion.at(motion.arrival().plusSeconds(60)).orElseThrow();
        assertThat(before.lat()).isCloseTo(41.8781, within(0.001));
        assertThat(after.lat()).isCloseTo(43.0389, within(0.001));
        assertThat(after.speed()).isZero();
    }

    @Test
    void longTripsTakeAHalfHourBreakAfterEightHoursAndTenHoursOffAfterEleven() {
        TripMotion motion = motion("Chicago IL", "Dallas TX", Scenario.NORMAL);
        assertThat(motion.restStops()).extracting(TripMotion.RestStop::length)
                .startsWith(Trip.BREAK, Trip.DAILY_REST);
        Instant firstRest = DEPARTURE.plus(Trip.DRIVE_BEFORE_BREAK).plusSeconds(600);
        assertThat(motion.at(firstRest).orElseThrow().speed()).isZero();
        assertThat(motion.at(firstRest.plus(Duration.ofMinutes(30))).orElseThrow().speed()).isPositive();
    }

    @Test
    void aTruckRestsAtThePlannedStopsItsShipmentLists() {
        TripMotion motion = motion("Chicago IL", "Dallas TX", Scenario.NORMAL);
        LatLon stop = motion.restStops().get(0).at();
        TripMotion.Sample resting = motion.at(DEPARTURE.plus(Trip.DRIVE_BEFORE_BREAK).plusSeconds(600)).orElseThrow();
        assertThat(new LatLon(resting.lat(), resting.lon()).metersTo(stop)).isLessThan(50);
    }

    @Test
    void theSilentTrackerStopsReportingPartWay() {
        TripMotion motion = motion("Chicago IL", "Dallas TX", Scenario.GOES_SILENT);
        Instant middle = DEPARTURE.plus(motion.plannedDuration().dividedBy(2));
        assertThat(motion.at(DEPARTURE.plusSeconds(600))).isPresent();
        assertThat(motion.at(middle)).isEmpty();
    }

    @Test
    void theWarmingReeferEndsWellAboveItsRange() {
        TripMotion motion = motion("Chicago IL", "Dallas TX", Scenario.REEFER_WARMING);
        assertThat(motion.at(DEPARTURE.plusSeconds(600)).orElseThrow().temperature()).isBetween(2.0, 8.0);
        assertThat(motion.at(motion.arrival()).orElseThrow().temperature()).isGreaterThan(10.0);
    }

    @Test
    void theDetourTakesTheTruckKilometresOffItsRoute() {
        TripMotion normal = motion("Chicago IL", "Dallas TX", Scenario.NORMAL);
        TripMotion detour = motion("Chicago IL", "Dallas TX", Scenario.LEAVES_ROUTE);
        double farthest = 0;
        for (Instant t = DEPARTURE; t.isBefore(normal.arrival()); t = t.plus(Duration.ofMinutes(10))) {
            TripMotion.Sample a = normal.at(t).orElseThrow();
            TripMotion.Sample b = detour.at(t).orElseThrow();
            farthest = Math.max(farthest, new LatLon(a.lat(), a.lon()).metersTo(new LatLon(b.lat(), b.lon())));
        }
        assertThat(farthest).isBetween(2_000.0, 4_000.0);
    }

    private TripMotion motion(String from, String to, Scenario scenario) {
        List<City> path = roads.waypoints(roads.city(from), roads.city(to));
        return new TripMotion(new Trip("SHP-T", "acme", "roadrunner", "trk-t", path.get(0), path.get(path.size() - 1),
                path, roads.route(path), DEPARTURE, 24, scenario == Scenario.REEFER_WARMING ? new double[]{2, 8} : null,
                scenario));
    }
}

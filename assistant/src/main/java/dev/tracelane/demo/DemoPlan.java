package dev.tracelane.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's shipments: about fifty trips between real cities, the same on every run (fixed seed) apart from
 * their times, which are set around the simulation's start so that some are under way from the first second.
 */
final class DemoPlan {
    static final List<String> SHIPPERS = List.of("acme", "globex");
    static final List<String> CARRIERS = List.of("roadrunner", "swift-haul");
    private static final int TRIPS = 50;
    private static final double MIN_METERS = 150_000;
    private static final double MAX_METERS = 1_900_000;

    private DemoPlan() {
    }

    /** The first four trips carry the scenarios and are already a quarter of the way at {@code simStart}. */
    static List<TripMotion> trips(RoadNetwork roads, Instant simStart) {
        Random random = new Random(20261125);
        List<City> cities = roads.cities();
        List<TripMotion> trips = new ArrayList<>();
        Scenario[] featured = {Scenario.REEFER_WARMING, Scenario.LEAVES_ROUTE, Scenario.WRONG_STOP,
                Scenario.GOES_SILENT};
        while (trips.size() < TRIPS) {
            City origin = cities.get(random.nextInt(cities.size()));
            City destination = cities.get(random.nextInt(cities.size()));
            if (origin.equals(destination)) {
                continue;
            }
            List<City> waypoints = roads.waypoints(origin, destination);
            List<LatLon> route = roads.route(waypoints);
            int n = trips.size();
            Scenario scenario = n < featured.length ? featured[n] : Scenario.NORMAL;
            boolean reefer = scenario == Scenario.REEFER_WARMING || n % 5 == 4;
            Trip draft = new Trip("SHP-" + (1001 + n), SHIPPERS.get(n % 2), CARRIERS.get((n / 2) % 2),
                    "trk-" + (1001 + n), origin, destination, waypoints, route, simStart,
                    21 + random.nextDouble() * 5, reefer ? new double[]{2, 8} : null, scenario);
            double length = draft.lengthMeters();
            if (length < MIN_METERS || length > MAX_METERS) {
                continue;
            }
            Duration duration = new TripMotion(draft).plannedDuration();
            Instant departure = n < featured.length
                    ? simStart.minus(duration.dividedBy(4))
                    : simStart.minus(duration.multipliedBy(8).dividedBy(10))
                            .plusSeconds((long) (random.nextDouble() * (duration.toSeconds() * 0.8 + 6 * 3600)));
            trips.add(new TripMotion(new Trip(draft.reference(), draft.shipper(), draft.carrier(), draft.trackerId(),
                    origin, destination, waypoints, route, departure, draft.cruise(), draft.reefer(), scenario)));
        }
        return trips;
    }
}

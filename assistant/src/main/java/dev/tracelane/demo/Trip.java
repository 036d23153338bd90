package dev.tracelane.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One demo shipment and how its truck will move: along {@code route} at {@code cruise} m/s, slower in town,
 * resting as US hours of service require (a 30-minute break after 8 hours of driving, 10 hours off after 11),
 * plus whatever its {@link Scenario} adds. The ETA predictor plans the same rules, so the two agree.
 *
 * @param reefer cargo temperature range [min, max] °C, or null for dry freight
 */
record Trip(String reference, String shipper, String carrier, String trackerId, City origin, City destination,
            List<City> waypoints, List<LatLon> route, Instant departure, double cruise, double[] reefer,
            Scenario scenario) {

    static final Duration DRIVE_BEFORE_BREAK = Duration.ofHours(8);
    static final Duration BREAK = Duration.ofMinutes(30);
    static final Duration DRIVE_PER_DAY = Duration.ofHours(11);
    static final Duration DAILY_REST = Duration.ofHours(10);
    static final Duration WRONG_STOP = Duration.ofMinutes(60);

    double lengthMeters() {
        double total = 0;
        for (int i = 1; i < route.size(); i++) {
            total += route.get(i - 1).metersTo(route.get(i));
        }
        return total;
    }
}

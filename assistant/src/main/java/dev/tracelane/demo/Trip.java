package dev.tracelane.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One demo shipment and how its truck will move: along {@code route} at {@code cruise} m/s, slower in town,
 * with a 45-minute rest every 4.5 hours of driving (EU-style), plus whatever its {@link Scenario} adds.
 *
 * @param reefer cargo temperature range [min, max] °C, or null for dry freight
 */
record Trip(String reference, String shipper, String carrier, String trackerId, City origin, City destination,
            List<City> waypoints, List<LatLon> route, Instant departure, double cruise, double[] reefer,
            Scenario scenario) {

    static final Duration DRIVE_BEFORE_REST = Duration.ofMinutes(270);
    static final Duration REST = Duration.ofMinutes(45);
    static final Duration WRONG_STOP = Duration.ofMinutes(60);

    double lengthMeters() {
        double total = 0;
        for (int i = 1; i < route.size(); i++) {
            total += route.get(i - 1).metersTo(route.get(i));
        }
        return total;
    }
}

package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.shipment.ShipmentModel.LineString;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

import java.util.List;

/** Checks a planned route is a GeoJSON LineString of valid [lon, lat] positions. */
final class PlannedRoutes {
    private static final int MAX_POINTS = 100_000;

    private PlannedRoutes() {
    }

    static void check(LineString route) {
        if (!"LineString".equals(route.type())) {
            throw bad("plannedRoute must be a GeoJSON LineString");
        }
        if (route.coordinates().size() > MAX_POINTS) {
            throw bad("plannedRoute has more than " + MAX_POINTS + " positions; simplify it");
        }
        for (List<Double> position : route.coordinates()) {
            if (position == null || position.size() < 2 || position.get(0) == null || position.get(1) == null
                    || Math.abs(position.get(0)) > 180 || Math.abs(position.get(1)) > 90) {
                throw bad("plannedRoute positions must be [lon, lat] within range");
            }
        }
    }

    private static HttpStatusException bad(String message) {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, message);
    }
}

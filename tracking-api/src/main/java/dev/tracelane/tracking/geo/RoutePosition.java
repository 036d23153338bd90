package dev.tracelane.tracking.geo;

/**
 * Where a position lies along a route.
 *
 * @param doneMeters       distance along the route to the projected point
 * @param remainingMeters  distance along the route from there to the end
 * @param crossTrackMeters distance from the position to the route
 */
public record RoutePosition(double doneMeters, double remainingMeters, double crossTrackMeters) {

    public double fraction() {
        double total = doneMeters + remainingMeters;
        return total == 0 ? 1 : doneMeters / total;
    }
}

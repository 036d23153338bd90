package dev.tracelane.tracking.geo;

import java.util.List;

/** How far a position is from a route given as GeoJSON coordinates ({@code [lon, lat]} pairs). */
public final class RouteDistance {
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private RouteDistance() {
    }

    /**
     * Metres to the nearest segment, on a plane tangent at the position: exact enough for the kilometres a
     * corridor is measured in, on segments up to a few hundred kilometres long.
     */
    public static double meters(double lat, double lon, List<List<Double>> lonLat) {
        double cos = Math.cos(Math.toRadians(lat));
        double best = Double.MAX_VALUE;
        double[] previous = null;
        for (List<Double> point : lonLat) {
            double[] here = {Math.toRadians(point.get(0) - lon) * cos * EARTH_RADIUS_METERS,
                    Math.toRadians(point.get(1) - lat) * EARTH_RADIUS_METERS};
            best = Math.min(best, previous == null ? Math.hypot(here[0], here[1]) : toSegment(previous, here));
            previous = here;
        }
        return best;
    }

    /** Distance from the origin of the plane to the segment from a to b. */
    private static double toSegment(double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / length2));
        return Math.hypot(a[0] + t * dx, a[1] + t * dy);
    }
}

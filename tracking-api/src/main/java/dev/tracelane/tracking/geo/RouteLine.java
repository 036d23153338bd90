package dev.tracelane.tracking.geo;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.List;

/**
 * A planned route as a polyline of [lon, lat] vertices, with positions projected onto it: progress done and to
 * go, and the cross-track distance. Lengths are great-circle per segment, so they hold on continental routes;
 * the projection onto a segment is done in a flat frame centred on the position, where it is exact enough
 * (segments are short). An STR-tree of segments finds the candidates without scanning the route.
 */
public final class RouteLine {
    private static final int CANDIDATES = 6;
    private final double[] lat;
    private final double[] lon;
    private final double[] cumulative;
    private final STRtree segments = new STRtree();

    /** @param coordinates GeoJSON LineString coordinates: [lon, lat] pairs, at least two */
    public RouteLine(List<List<Double>> coordinates) {
        int n = coordinates.size();
        if (n < 2) {
            throw new IllegalArgumentException("a route needs at least two positions");
        }
        lat = new double[n];
        lon = new double[n];
        cumulative = new double[n];
        for (int i = 0; i < n; i++) {
            lon[i] = coordinates.get(i).get(0);
            lat[i] = coordinates.get(i).get(1);
            if (i > 0) {
                cumulative[i] = cumulative[i - 1] + GreatCircle.meters(lat[i - 1], lon[i - 1], lat[i], lon[i]);
                Envelope e = new Envelope(lon[i - 1], lon[i], lat[i - 1], lat[i]);
                segments.insert(e, i - 1);
            }
        }
        segments.build();
    }

    /** A route of one straight segment, for shipments that have no planned route. */
    public static RouteLine straight(double fromLat, double fromLon, double toLat, double toLon) {
        return new RouteLine(List.of(List.of(fromLon, fromLat), List.of(toLon, toLat)));
    }

    public double lengthMeters() {
        return cumulative[cumulative.length - 1];
    }

    /** Great-circle metres from a position to the route's end. */
    public double metersToEnd(double pLat, double pLon) {
        return GreatCircle.meters(pLat, pLon, lat[lat.length - 1], lon[lon.length - 1]);
    }

    public RoutePosition project(double pLat, double pLon) {
        Object[] nearest = segments.nearestNeighbour(new Envelope(pLon, pLon, pLat, pLat), -1, (ItemDistance) this::toSegmentDegrees,
                Math.min(CANDIDATES, lat.length - 1));
        double bestDistance = Double.MAX_VALUE;
        double bestDone = 0;
        for (Object o : nearest) {
            int i = (Integer) o;
            double[] hit = projectOnSegment(i, pLat, pLon);
            if (hit[0] < bestDistance) {
                bestDistance = hit[0];
                bestDone = cumulative[i] + hit[1] * (cumulative[i + 1] - cumulative[i]);
            }
        }
        return new RoutePosition(bestDone, lengthMeters() - bestDone, bestDistance);
    }

    /** @return {metres from the point to the segment, fraction of the segment at the foot} */
    private double[] projectOnSegment(int i, double pLat, double pLon) {
        double scale = Math.cos(Math.toRadians(pLat));
        double ax = (lon[i] - pLon) * scale;
        double ay = lat[i] - pLat;
        double bx = (lon[i + 1] - pLon) * scale;
        double by = lat[i + 1] - pLat;
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
        double footLat = lat[i] + t * (lat[i + 1] - lat[i]);
        double footLon = lon[i] + t * (lon[i + 1] - lon[i]);
        return new double[]{GreatCircle.meters(pLat, pLon, footLat, footLon), t};
    }

    /**
     * Point-to-segment distance in degrees, the unit the tree prunes nodes by; it only shortlists candidates,
     * which are then measured in metres. The probe item is -1; segments are their start index.
     */
    private double toSegmentDegrees(ItemBoundable a, ItemBoundable b) {
        int i = (Integer) a.getItem() >= 0 ? (Integer) a.getItem() : (Integer) b.getItem();
        Envelope probe = (Integer) a.getItem() >= 0 ? (Envelope) b.getBounds() : (Envelope) a.getBounds();
        double px = probe.getMinX();
        double py = probe.getMinY();
        double dx = lon[i + 1] - lon[i];
        double dy = lat[i + 1] - lat[i];
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0
                : Math.max(0, Math.min(1, ((px - lon[i]) * dx + (py - lat[i]) * dy) / lengthSquared));
        return Math.hypot(px - (lon[i] + t * dx), py - (lat[i] + t * dy));
    }
}

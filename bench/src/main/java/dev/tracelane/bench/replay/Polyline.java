package dev.tracelane.bench.replay;

import java.util.List;

/** A path as a list of points, measured along its length. */
final class Polyline {
    private final List<LatLon> points;
    private final double[] cumulative;

    Polyline(List<LatLon> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a path needs at least two points");
        }
        this.points = List.copyOf(points);
        cumulative = new double[points.size()];
        for (int i = 1; i < points.size(); i++) {
            cumulative[i] = cumulative[i - 1] + points.get(i - 1).metersTo(points.get(i));
        }
    }

    static double length(List<LatLon> points) {
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += points.get(i - 1).metersTo(points.get(i));
        }
        return total;
    }

    double length() {
        return cumulative[cumulative.length - 1];
    }

    /** The point {@code meters} along the path, clamped to its ends. */
    LatLon pointAt(double meters) {
        if (meters <= 0) {
            return points.get(0);
        }
        if (meters >= length()) {
            return points.get(points.size() - 1);
        }
        int lo = 0;
        int hi = cumulative.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= meters) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double segment = cumulative[hi] - cumulative[lo];
        return points.get(lo).towards(points.get(hi), segment == 0 ? 0 : (meters - cumulative[lo]) / segment);
    }
}

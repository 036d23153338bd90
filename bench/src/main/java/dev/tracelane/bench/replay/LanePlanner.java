package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Picks a data set's lanes: city pairs 150 to 1,500 km apart, each with one fixed road. A road is the great
 * circle bent through a few sideways-offset waypoints and smoothed, scaled so it is 1.1 to 1.3 times longer
 * than the great circle, as real road routes between US cities are.
 */
final class LanePlanner {
    static final double MIN_METERS = 150_000;
    static final double MAX_METERS = 1_500_000;
    static final double MIN_CIRCUITY = 1.1;
    static final double MAX_CIRCUITY = 1.3;
    /** Great-circle limits of the short, medium and long bands. */
    private static final double[] BAND_LIMITS = {500_000, 900_000};
    private static final double POINT_SPACING_METERS = 500;
    private static final int SMOOTHING_ROUNDS = 3;

    private LanePlanner() {
    }

    /**
     * Lanes are taken in turn from three distance bands (short hauls, a day's drive, and long hauls that need a
     * ten-hour rest), so a set mixes them instead of being dominated by the many long pairs.
     *
     * @param avoid pair keys ({@link Lane#pairKey()}) of lanes the set must not use
     */
    static List<Lane> plan(int count, Random rng, Set<String> avoid) {
        List<List<Cities.City[]>> bands = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Cities.City a : Cities.ALL) {
            for (Cities.City b : Cities.ALL) {
                double meters = a.at().metersTo(b.at());
                if (a != b && meters >= MIN_METERS && meters <= MAX_METERS
                        && !avoid.contains(Lane.pairKey(a, b))) {
                    bands.get(meters < BAND_LIMITS[0] ? 0 : meters < BAND_LIMITS[1] ? 1 : 2).add(
                            new Cities.City[]{a, b});
                }
            }
        }
        bands.forEach(band -> Collections.shuffle(band, rng));
        List<Lane> lanes = new ArrayList<>(count);
        for (int turn = 0; lanes.size() < count && bands.stream().anyMatch(b -> !b.isEmpty()); turn++) {
            List<Cities.City[]> band = bands.get(turn % bands.size());
            if (!band.isEmpty()) {
                Cities.City[] pair = band.remove(band.size() - 1);
                double circuity = MIN_CIRCUITY + rng.nextDouble() * (MAX_CIRCUITY - MIN_CIRCUITY);
                lanes.add(new Lane(pair[0], pair[1], road(pair[0].at(), pair[1].at(), circuity, rng)));
            }
        }
        if (lanes.size() < count) {
            throw new IllegalArgumentException("only " + lanes.size() + " lanes are available, " + count + " asked");
        }
        return lanes;
    }

    static Polyline road(LatLon from, LatLon to, double circuity, Random rng) {
        double direct = from.metersTo(to);
        int waypoints = Math.max(2, Math.min(6, 2 + (int) (direct / 250_000)));
        double[] fractions = new double[waypoints];
        double[] sideways = new double[waypoints];
        for (int i = 0; i < waypoints; i++) {
            fractions[i] = (i + 0.5 + (rng.nextDouble() - 0.5) * 0.6) / waypoints;
            sideways[i] = rng.nextGaussian();
        }
        // the length grows with the offsets' scale: bisect for the scale that gives the wanted circuity
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (Polyline.length(shape(from, to, fractions, sideways, mid)) < circuity * direct) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Polyline(densify(shape(from, to, fractions, sideways, hi)));
    }

    private static List<LatLon> shape(LatLon from, LatLon to, double[] fractions, double[] sideways, double scale) {
        double direct = from.metersTo(to);
        double bearing = from.bearingTo(to);
        List<LatLon> points = new ArrayList<>();
        points.add(from);
        for (int i = 0; i < fractions.length; i++) {
            points.add(from.towards(to, fractions[i]).offset(bearing + 90, scale * sideways[i] * direct));
        }
        points.add(to);
        for (int round = 0; round < SMOOTHING_ROUNDS; round++) {
            points = cutCorners(points);
        }
        return points;
    }

    /** Chaikin's corner cutting: keeps both ends, rounds every bend. */
    private static List<LatLon> cutCorners(List<LatLon> points) {
        List<LatLon> out = new ArrayList<>(points.size() * 2);
        out.add(points.get(0));
        for (int i = 0; i + 1 < points.size(); i++) {
            out.add(points.get(i).towards(points.get(i + 1), 0.25));
            out.add(points.get(i).towards(points.get(i + 1), 0.75));
        }
        out.add(points.get(points.size() - 1));
        return out;
    }

    private static List<LatLon> densify(List<LatLon> points) {
        List<LatLon> out = new ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            LatLon a = points.get(i);
            LatLon b = points.get(i + 1);
            int steps = Math.max(1, (int) Math.ceil(a.metersTo(b) / POINT_SPACING_METERS));
            for (int s = 0; s < steps; s++) {
                out.add(a.towards(b, (double) s / steps));
            }
        }
        out.add(points.get(points.size() - 1));
        return out;
    }
}

package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three ETA baselines of QUALITY.md ("Intelligence"), learned from the train trips only. Each answers how
 * many seconds are left at a moment of a trip; NaN when there is nothing to learn from (no train set).
 */
final class Baselines {
    /** Roads are about this much longer than the great circle: the fallback for lanes without history. */
    static final double CIRCUITY = 1.2;

    private final Map<String, List<Double>> durationsByLane = new HashMap<>();
    private final Map<String, List<ProgressCurve>> curvesByLane = new HashMap<>();
    private final double fallbackSpeed;

    private Baselines(List<TripTimeline> train) {
        List<Double> speeds = new ArrayList<>();
        for (TripTimeline t : train) {
            if (!t.arrived() || t.arrivalTs() <= t.firstTs()) {
                continue;
            }
            double duration = t.arrivalTs() - t.firstTs();
            speeds.add(roadMeters(t.trip()) / duration);
            if (t.trip().lane() != null) {
                durationsByLane.computeIfAbsent(t.trip().lane(), k -> new ArrayList<>()).add(duration);
                curvesByLane.computeIfAbsent(t.trip().lane(), k -> new ArrayList<>()).add(ProgressCurve.of(t));
            }
        }
        fallbackSpeed = Quantiles.median(speeds).orElse(Double.NaN);
    }

    static Baselines learn(List<TripTimeline> train) {
        return new Baselines(train);
    }

    /**
     * (a) Remaining distance over the average speed so far. Stops so far count, which is what makes this
     * baseline honest about rest breaks and weak right after a long one.
     */
    static double distanceOverSpeed(double remainingMeters, double travelledMeters, double elapsedSeconds) {
        if (travelledMeters <= 0 || elapsedSeconds <= 0) {
            return Double.NaN;
        }
        return remainingMeters / (travelledMeters / elapsedSeconds);
    }

    /** (b) The lane's median duration minus the time elapsed, never below zero. */
    double laneMedian(Trip trip, double elapsedSeconds) {
        List<Double> durations = trip.lane() == null ? null : durationsByLane.get(trip.lane());
        double total = durations != null ? Quantiles.median(durations).orElseThrow() : fallbackTotal(trip);
        return Math.max(0, total - elapsedSeconds);
    }

    /** (c) The median time-to-go of the lane's train trips when they were as far along as this one is now. */
    double laneProgress(Trip trip, LatLon position) {
        double progress = progress(trip, position);
        List<ProgressCurve> curves = trip.lane() == null ? null : curvesByLane.get(trip.lane());
        if (curves == null) {
            return fallbackTotal(trip) * (1 - progress);
        }
        List<Double> toGo = new ArrayList<>(curves.size());
        curves.forEach(c -> toGo.add(c.secondsToGo(progress)));
        return Quantiles.median(toGo).orElseThrow();
    }

    boolean knowsLane(String lane) {
        return lane != null && durationsByLane.containsKey(lane);
    }

    /** 0 at the origin, 1 at the destination, by great-circle distance to go; clamped to that range. */
    static double progress(Trip trip, LatLon position) {
        double whole = trip.origin().metersTo(trip.destination());
        double left = position.metersTo(trip.destination());
        return whole <= 0 ? 1 : Math.max(0, Math.min(1, 1 - left / whole));
    }

    private double fallbackTotal(Trip trip) {
        return roadMeters(trip) / fallbackSpeed;
    }

    private static double roadMeters(Trip trip) {
        return trip.origin().metersTo(trip.destination()) * CIRCUITY;
    }

    /**
     * One train trip's time-to-go as a function of progress. Progress is made monotone (its running maximum),
     * so GPS noise and stops cannot make the trip reach the same progress twice.
     */
    private record ProgressCurve(double[] reached, long[] ts, long arrival) {

        static ProgressCurve of(TripTimeline t) {
            List<Double> p = new ArrayList<>();
            List<Long> at = new ArrayList<>();
            for (int i = 0; i <= t.arrivalIndex(); i++) {
                Ping ping = t.pings().get(i);
                double value = Baselines.progress(t.trip(), ping.at());
                if (p.isEmpty() || value > p.get(p.size() - 1)) {
                    p.add(value);
                    at.add(ping.ts());
                }
            }
            return new ProgressCurve(p.stream().mapToDouble(Double::doubleValue).toArray(),
                    at.stream().mapToLong(Long::longValue).toArray(), t.arrivalTs());
        }

        double secondsToGo(double wanted) {
            if (wanted <= reached[0]) {
                return arrival - ts[0];
            }
            for (int i = 1; i < reached.length; i++) {
                if (reached[i] >= wanted) {
                    double fraction = (wanted - reached[i - 1]) / (reached[i] - reached[i - 1]);
                    return arrival - (ts[i - 1] + fraction * (ts[i] - ts[i - 1]));
                }
            }
            return arrival - ts[ts.length - 1];
        }
    }
}

package dev.tracelane.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Where a trip's truck is at any moment: a precomputed timetable of driving and resting legs, then position,
 * speed and heading along the route, GPS noise, and the scenario's detour, stop, silence or warming.
 */
final class TripMotion {
    private static final double TOWN_METERS = 10_000;
    private static final double TOWN_SPEED = 12;
    private static final double GPS_NOISE_METERS = 5;
    private static final double DETOUR_METERS = 3_500;
    /**
     * The silent tracker's last report: half an hour of event time after the demo starts (featured trips are a
     * quarter of the way then), so the silence is seen begin and get detected, not found already hours old in
     * the backlog the trucks send at start.
     */
    private static final double SILENT_AFTER_SHARE = 0.25;
    private static final double SILENT_DELAY_S = 1_800;

    private final Trip trip;
    private final double[] cumulative;
    private final List<Leg> legs = new ArrayList<>();
    private final List<RestStop> restStops = new ArrayList<>();
    private final Random noise;

    TripMotion(Trip trip) {
        this.trip = trip;
        this.noise = new Random(trip.reference().hashCode());
        List<LatLon> route = trip.route();
        cumulative = new double[route.size()];
        for (int i = 1; i < route.size(); i++) {
            cumulative[i] = cumulative[i - 1] + route.get(i - 1).metersTo(route.get(i));
        }
        plan();
    }

    /** A timed piece of the trip: distance goes from {@code d0} to {@code d1} between {@code t0} and {@code t1}. */
    private record Leg(double t0, double t1, double d0, double d1) {
        double speed() {
            return t1 == t0 ? 0 : (d1 - d0) / (t1 - t0);
        }
    }

    /** What the tracker reports at one moment. */
    record Sample(Instant ts, double lat, double lon, double speed, double heading, Double temperature) {
    }

    Trip trip() {
        return trip;
    }

    Instant arrival() {
        return trip.departure().plusMillis((long) (legs.get(legs.size() - 1).t1() * 1000));
    }

    Duration plannedDuration() {
        return Duration.between(trip.departure(), arrival());
    }

    private double plannedSeconds() {
        return legs.get(legs.size() - 1).t1();
    }

    /** Where and how long the truck rests: the planned stops of its shipment. */
    record RestStop(LatLon at, Duration length) {
    }

    List<RestStop> restStops() {
        return List.copyOf(restStops);
    }

    /** @return the reading at {@code at}, or empty when the tracker is silent then */
    Optional<Sample> at(Instant at) {
        double t = Duration.between(trip.departure(), at).toMillis() / 1000.0;
        Leg leg = legs.get(0);
        for (Leg l : legs) {
            if (t >= l.t0()) {
                leg = l;
            }
        }
        double distance = t <= 0 ? 0 : t >= leg.t1() ? leg.d1() : leg.d0() + leg.speed() * (t - leg.t0());
        double total = cumulative[cumulative.length - 1];
        if (trip.scenario() == Scenario.GOES_SILENT && t > SILENT_AFTER_SHARE * plannedSeconds() + SILENT_DELAY_S) {
            return Optional.empty();
        }
        boolean moving = t > 0 && t < leg.t1() && leg.speed() > 0;
        int i = segmentAt(distance);
        double heading = trip.route().get(i).bearingTo(trip.route().get(Math.min(i + 1, trip.route().size() - 1)));
        LatLon position = pointAt(distance);
        if (trip.scenario() == Scenario.LEAVES_ROUTE) {
            double from = 0.30 * total;
            double to = 0.42 * total;
            if (distance > from && distance < to) {
                position = position.offset(heading + 90, DETOUR_METERS * Math.sin(Math.PI * (distance - from) / (to - from)));
            }
        }
        position = position.offset(noise.nextDouble() * 360, Math.abs(noise.nextGaussian()) * GPS_NOISE_METERS);
        return Optional.of(new Sample(at, position.lat(), position.lon(), moving ? leg.speed() : 0,
                Math.round(heading * 10) / 10.0, temperature(t)));
    }

    /** How long until the next report: frequent on the road, sparse while parked. */
    Duration reportInterval(Instant at) {
        double t = Duration.between(trip.departure(), at).toMillis() / 1000.0;
        boolean onTheRoad = t >= 0 && t < legs.get(legs.size() - 1).t1();
        return onTheRoad ? Duration.ofSeconds(30) : Duration.ofMinutes(5);
    }

    private Double temperature(double t) {
        if (trip.reefer() == null) {
            return null;
        }
        double base = (trip.reefer()[0] + trip.reefer()[1]) / 2 + noise.nextGaussian() * 0.3;
        double warmFrom = 0.4 * legs.get(legs.size() - 1).t1();
        if (trip.scenario() == Scenario.REEFER_WARMING && t > warmFrom) {
            base += Math.min(10, (t - warmFrom) / 60 * 0.08);
        }
        return Math.round(base * 10) / 10.0;
    }

    private int segmentAt(double distance) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi - 1) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= distance) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Builds the timetable: town, highway with rests (and the wrong stop), town. */
    private void plan() {
        double total = cumulative[cumulative.length - 1];
        double town = Math.min(TOWN_METERS, total / 4);
        double t = 0;
        t = drive(t, 0, town, TOWN_SPEED);
        double d = town;
        double highwayEnd = total - town;
        double sinceBreak = t; // driving in town counts towards the rest rules too
        double today = t;
        boolean stoppedWrong = trip.scenario() != Scenario.WRONG_STOP;
        while (d < highwayEnd) {
            double untilRest = Math.min(Trip.DRIVE_BEFORE_BREAK.toSeconds() - sinceBreak,
                    Trip.DRIVE_PER_DAY.toSeconds() - today) * trip.cruise();
            double untilWrongStop = stoppedWrong ? Double.MAX_VALUE : 0.5 * total - d;
            double next = Math.min(highwayEnd, d + Math.min(untilRest, Math.max(untilWrongStop, 0)));
            double before = t;
            t = drive(t, d, next, trip.cruise());
            sinceBreak += t - before;
            today += t - before;
            d = next;
            if (d >= highwayEnd) {
                break;
            }
            if (!stoppedWrong && d >= 0.5 * total - 1) {
                t = rest(t, d, Trip.WRONG_STOP);
                stoppedWrong = true;
            } else {
                boolean dayDone = today >= Trip.DRIVE_PER_DAY.toSeconds() - 1;
                Duration length = dayDone ? Trip.DAILY_REST : Trip.BREAK;
                t = rest(t, d, length);
                restStops.add(new RestStop(pointAt(d), length));
                sinceBreak = 0;
                today = dayDone ? 0 : today;
            }
        }
        drive(t, d, total, TOWN_SPEED);
    }

    private double drive(double t, double from, double to, double speed) {
        double end = t + (to - from) / speed;
        legs.add(new Leg(t, end, from, to));
        return end;
    }

    private double rest(double t, double at, Duration length) {
        double end = t + length.toSeconds();
        legs.add(new Leg(t, end, at, at));
        return end;
    }

    private LatLon pointAt(double distance) {
        int i = segmentAt(distance);
        int j = Math.min(i + 1, trip.route().size() - 1);
        double segment = cumulative[j] - cumulative[i];
        return segment == 0 ? trip.route().get(i)
                : trip.route().get(i).towards(trip.route().get(j), (distance - cumulative[i]) / segment);
    }
}

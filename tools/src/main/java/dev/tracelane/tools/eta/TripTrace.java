package dev.tracelane.tools.eta;

import dev.tracelane.tracking.geo.GreatCircle;
import dev.tracelane.tracking.geo.RouteLine;
import dev.tracelane.tracking.geo.RoutePosition;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * One trip's readings in terms of the road: progress along the route (never backwards, so GPS noise does not
 * undo it), driving versus standing, the truck's recent and overall moving speed, and road metres and driving
 * seconds by hour of week. Both the live predictor and the lane learner build one, so they see a trip alike.
 */
final class TripTrace {
    static final int HOURS_OF_WEEK = 168;
    /** Slower than this between two readings, the truck is standing (GPS noise alone is far slower). */
    private static final double MOVING_METERS_PER_SECOND = 1.5;
    /** Across a gap longer than this, the truck is assumed to have driven at {@link #GAP_SPEED}, then stood. */
    private static final long GAP_SECONDS = 600;
    private static final double GAP_SPEED = 25;
    private static final long RECENT_SECONDS = 3_600;
    private static final long SPAN_SECONDS = 55;
    /** A standing stint this long or longer is a rest, not a fuel, meal or traffic pause. */
    private static final long PAUSE_LIMIT_SECONDS = 2 * 3_600;
    /**
     * A standing truck whose reading comes back this close to where it stood did not drive: the way out was a
     * stray fix. Two strays a few minutes apart would otherwise read as minutes of driving and cut a rest in two.
     */
    private static final double STRAY_METERS = 150;
    private final RouteLine route;
    private final double circuity;
    private final DrivingClock clock;
    private final double[] hourMeters = new double[HOURS_OF_WEEK];
    private final double[] hourSeconds = new double[HOURS_OF_WEEK];
    private final double[] segmentMeters = new double[LaneTrip.STEPS];
    private final double[] segmentSeconds = new double[LaneTrip.STEPS];
    private final CruisingSpeed cruising = new CruisingSpeed();
    private final Deque<double[]> recent = new ArrayDeque<>(); // {end epoch s, driving s, road m}
    private final List<double[]> progress = new ArrayList<>(); // {epoch s, fraction}
    private Instant departedAt;
    private Instant lastTs;
    private Instant spanTs;
    private double spanLat;
    private double spanLon;
    private double spanDone;
    private double done;
    private double toEnd;
    private double drivingSeconds;
    private double drivenMeters;
    private double pathMeters;
    private long standingSeconds;
    private double standLat;
    private double standLon;
    private double pauseSeconds;

    /** @param circuity road metres per metre of {@code route}: 1 for a planned route, more for a straight line */
    TripTrace(RouteLine route, double circuity, RestRules rules) {
        this.route = route;
        this.circuity = circuity;
        this.clock = new DrivingClock(rules);
    }

    /**
     * Adds a reading; readings must come in time order. Motion is judged over spans of at least
     * {@link #SPAN_SECONDS}, so a standing truck's GPS jitter between readings a second apart is not driving.
     */
    void add(Instant ts, double lat, double lon) {
        RoutePosition at = route.project(lat, lon);
        double newDone = Math.max(done, at.doneMeters());
        if (lastTs == null) {
            done = newDone;
            toEnd = route.metersToEnd(lat, lon);
            progress.add(new double[]{ts.getEpochSecond(), fraction()});
            lastTs = ts;
            spanTs = ts;
            spanLat = lat;
            spanLon = lon;
            spanDone = done;
            return;
        }
        if (!ts.isAfter(lastTs)) {
            return;
        }
        lastTs = ts;
        done = newDone;
        toEnd = route.metersToEnd(lat, lon);
        progress.add(new double[]{ts.getEpochSecond(), fraction()});
        long seconds = ChronoUnit.SECONDS.between(spanTs, ts);
        if (seconds >= SPAN_SECONDS) {
            span(seconds, lat, lon, (done - spanDone) * circuity, ts);
            spanTs = ts;
            spanLat = lat;
            spanLon = lon;
            spanDone = done;
        }
    }

    /** The span from the last span's end to a reading at {@code lat, lon}: driving, standing or some of both. */
    private void span(long seconds, double lat, double lon, double road, Instant end) {
        double moved = GreatCircle.meters(spanLat, spanLon, lat, lon);
        boolean wasStanding = standing();
        long driving;
        if (wasStanding && GreatCircle.meters(standLat, standLon, lat, lon) <= STRAY_METERS) {
            driving = 0;
        } else if (seconds > GAP_SECONDS) {
            driving = Math.min(seconds, Math.round(moved * circuity / GAP_SPEED));
        } else {
            driving = moved / seconds >= MOVING_METERS_PER_SECOND ? seconds : 0;
        }
        clock.add(driving, seconds - driving);
        if (!wasStanding && standing()) {
            standLat = spanLat;
            standLon = spanLon;
        }
        if (driving > 0 && departedAt != null && standingSeconds < PAUSE_LIMIT_SECONDS) {
            pauseSeconds += standingSeconds; // a stint between origin and arrival, ended by driving on
        }
        standingSeconds = driving == seconds ? 0 : standingSeconds + seconds - driving;
        pathMeters += moved;
        if (driving > 0 && road > 0) {
            if (departedAt == null) {
                departedAt = spanTs;
            }
            drivingSeconds += driving;
            drivenMeters += road;
            int hour = hourOfWeek(spanTs);
            hourMeters[hour] += road;
            hourSeconds[hour] += driving;
            int segment = LaneTrip.bucket(spanDone / Math.max(1, route.lengthMeters()));
            segmentMeters[segment] += road;
            segmentSeconds[segment] += driving;
            if (driving == seconds && seconds <= GAP_SECONDS) {
                // point to point, not along the route: the same live and when learning, whatever road factor
                // each applies, and a fix thrown ahead along the route adds no burst of speed
                cruising.add(moved / seconds, seconds);
            }
            recent.addLast(new double[]{end.getEpochSecond(), driving, road});
        }
        while (!recent.isEmpty() && recent.peekFirst()[0] < end.getEpochSecond() - RECENT_SECONDS) {
            recent.removeFirst();
        }
    }

    /** Whether the truck stands, by the driving clock: a minute or two of driving between standing is none. */
    private boolean standing() {
        return clock.standing().toSeconds() > 0;
    }

    static int hourOfWeek(Instant t) {
        long hours = Math.floorDiv(t.getEpochSecond(), 3_600);
        return (int) Math.floorMod(hours + 72, HOURS_OF_WEEK); // the epoch was a Thursday; 0 is Monday 00 UTC
    }

    boolean isEmpty() {
        return lastTs == null;
    }

    Instant lastTs() {
        return lastTs;
    }

    /** When the truck first moved, or null while it has not. */
    Instant departedAt() {
        return departedAt;
    }

    double fraction() {
        double length = route.lengthMeters();
        return length == 0 ? 1 : Math.min(1, done / length);
    }

    double doneMeters() {
        return done;
    }

    /**
     * What is left along the route, but never less than the straight line from the last position to the end: a
     * truck far off its route (or off the straight line of a shipment without one) still has that far to go.
     */
    double remainingRoadMeters() {
        return Math.max(route.lengthMeters() - done, toEnd) * circuity;
    }

    /** Road metres per driving second over the last hour's driving; NaN when it has not driven lately. */
    double recentSpeed() {
        double seconds = 0;
        double meters = 0;
        for (double[] interval : recent) {
            seconds += interval[1];
            meters += interval[2];
        }
        return seconds < 600 ? Double.NaN : meters / seconds;
    }

    /** Seconds of driving the recent speed rests on. */
    double recentDrivingSeconds() {
        return recent.stream().mapToDouble(i -> i[1]).sum();
    }

    /** Seconds driven along the route since the first reading. */
    double drivingSeconds() {
        return drivingSeconds;
    }

    /** Road metres per driving second since departure; NaN before it has driven ten minutes. */
    double movingSpeed() {
        return drivingSeconds < 600 ? Double.NaN : drivenMeters / drivingSeconds;
    }

    /** This truck's cruising speed so far, m/s; NaN before it has cruised ten minutes. */
    double cruisingSpeed() {
        return cruising.median();
    }

    /** Seconds driven at a cruising speed so far. */
    double cruisedSeconds() {
        return cruising.seconds();
    }

    long standingSeconds() {
        return standingSeconds;
    }

    /** Seconds of the shorter stops between departure and now (fuel, meals, traffic), not rests. */
    double pauseSeconds() {
        return pauseSeconds;
    }

    DrivingClock clock() {
        return clock;
    }

    double pathMeters() {
        return pathMeters;
    }

    double[] hourMeters() {
        return hourMeters.clone();
    }

    double[] hourSeconds() {
        return hourSeconds.clone();
    }

    /** Road metres driven in each twentieth of the route. */
    double[] segmentMeters() {
        return segmentMeters.clone();
    }

    /** Driving seconds in each twentieth of the route. */
    double[] segmentSeconds() {
        return segmentSeconds.clone();
    }

    /**
     * Time to go at each progress step, for a trip that arrived at {@code arrival}: element k is the seconds
     * from when the truck first reached fraction k/steps to arrival, NaN where the readings began later.
     */
    double[] timeToGo(Instant arrival, int steps) {
        double[] togo = new double[steps + 1];
        Arrays.fill(togo, Double.NaN);
        int k = 0;
        for (double[] p : progress) {
            while (k <= steps && p[1] >= (double) k / steps) {
                if (progress.get(0)[1] <= (double) k / steps || k == 0) {
                    togo[k] = Math.max(0, arrival.getEpochSecond() - p[0]);
                }
                k++;
            }
        }
        togo[steps] = 0;
        return togo;
    }
}

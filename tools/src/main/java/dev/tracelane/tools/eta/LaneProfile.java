package dev.tracelane.tools.eta;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * What a lane's delivered trips say: each trip's time to go by progress, how much drivers' paces differ and how
 * much of that their cruising speeds explain, how fast trucks drive it by hour of week, and how winding the road
 * is compared with the straight line.
 */
final class LaneProfile {
    /** Driving seconds a stretch needs before its own speed is trusted over the lane's overall. */
    private static final double MIN_STRETCH_SECONDS = 300;
    /**
     * Driving seconds at which an hour's own speed (against the stretches driven in it) counts as much as the
     * coarser one it leans on: an hour of week leans on the hour of day, that on no difference. A lane's few
     * dozen trips drive an hour of week for minutes, and a speed factor read off so little made forecasts late
     * on average (a noisy factor around 1 lengthens the drive, since time goes as its inverse).
     */
    private static final double HOUR_PRIOR_SECONDS = 4 * 3_600;
    /** Trips a lane needs before the spread of its drivers' paces is trusted. */
    private static final int MIN_PACE_TRIPS = 5;
    /** A pace outside this is a traffic jam or a downhill run, not the truck's pace. */
    private static final double MIN_PACE = 0.8;
    private static final double MAX_PACE = 1.2;
    private final double medianCircuity;
    private final List<LaneTrip> history;
    private final double paceSpread;
    private final double paceSpreadBesideCruising;
    private final double cruisingSpeed;
    /** Road metres driven in each hour of week, and what the stretches driven then would give at their speeds. */
    private final double[] hourMeters = new double[TripTrace.HOURS_OF_WEEK];
    private final double[] hourExpected = new double[TripTrace.HOURS_OF_WEEK];
    private final double[] dayHourMeters = new double[24];
    private final double[] dayHourExpected = new double[24];
    private final double[] segmentMeters = new double[LaneTrip.STEPS];
    private final double[] segmentSeconds = new double[LaneTrip.STEPS];
    private double meters;
    private double seconds;
    private double pauses;

    LaneProfile(List<LaneTrip> history) {
        medianCircuity = median(history.stream().mapToDouble(LaneTrip::circuity).toArray());
        this.history = List.copyOf(history);
        for (LaneTrip trip : history) {
            pauses += trip.pauseSeconds();
            for (int b = 0; b < LaneTrip.STEPS; b++) {
                segmentMeters[b] += trip.segmentMeters()[b];
                segmentSeconds[b] += trip.segmentSeconds()[b];
            }
            for (int h = 0; h < TripTrace.HOURS_OF_WEEK; h++) {
                meters += trip.hourMeters()[h];
                seconds += trip.hourSeconds()[h];
            }
        }
        history.forEach(this::learnHours);
        double[] logPaces = history.stream().mapToDouble(this::logPace).toArray();
        paceSpread = spread(logPaces);
        double[] cruising = history.stream().mapToDouble(LaneTrip::cruisingSpeed).filter(Double::isFinite).toArray();
        cruisingSpeed = cruising.length >= MIN_PACE_TRIPS ? median(cruising) : Double.NaN;
        double[] unexplained = new double[logPaces.length];
        for (int i = 0; i < unexplained.length; i++) {
            unexplained[i] = logPaces[i] - Math.log(cruisingPace(history.get(i).cruisingSpeed()));
        }
        paceSpreadBesideCruising = spread(unexplained);
    }

    /** The log of a trip's pace against the lane's: how much faster it drove the stretches than the lane does. */
    private double logPace(LaneTrip trip) {
        return Math.log(expectedSeconds(trip.segmentMeters()) / Arrays.stream(trip.segmentSeconds()).sum());
    }

    /** The standard deviation of the finite values; NaN with too few. */
    private static double spread(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length < MIN_PACE_TRIPS) {
            return Double.NaN;
        }
        double mean = Arrays.stream(finite).average().orElseThrow();
        return Math.sqrt(Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum() / (finite.length - 1));
    }

    int trips() {
        return history.size();
    }

    /** Seconds of short stops (fuel, meals, traffic) per driving second; NaN without history. */
    double pauseShare() {
        return seconds > 0 ? pauses / seconds : Double.NaN;
    }

    /** NaN without history. */
    double circuity() {
        return medianCircuity;
    }

    /**
     * Each past trip's seconds to go at this progress, its driving still ahead then taken at this cruising
     * {@code pace} instead of its own (a trip whose driver cruised faster than this truck's took less time than
     * this truck will; its rests and stops stay as they fell). Unscaled where {@code pace} is NaN or the trip has
     * no cruising speed (its time on the stretches would count its jams as its driver's). Empty without history.
     */
    double[] timesToGo(double fraction, double pace) {
        return history.stream().mapToDouble(t -> {
            double toGo = interpolate(t.timeToGo(), fraction);
            double theirs = Double.isFinite(pace) ? clampPace(cruisingPace(t.cruisingSpeed())) : Double.NaN;
            return Double.isFinite(theirs) ? toGo + drivingAhead(t, fraction) * (theirs / pace - 1) : toGo;
        }).filter(Double::isFinite).toArray();
    }

    /** The driving seconds a trip had ahead of it at this progress. */
    private static double drivingAhead(LaneTrip trip, double fraction) {
        double pos = Math.max(0, Math.min(1, fraction)) * LaneTrip.STEPS;
        double ahead = 0;
        for (int b = (int) Math.floor(pos); b < LaneTrip.STEPS; b++) {
            ahead += trip.segmentSeconds()[b] * Math.min(1, b + 1 - pos);
        }
        return ahead;
    }

    /**
     * How much drivers' paces on this lane differ from trip to trip, as the standard deviation of the log of the
     * pace; NaN until the lane has a few trips.
     */
    double paceSpread() {
        return paceSpread;
    }

    /**
     * A truck's pace from its cruising speed (m/s): that over the median of the lane's trips' cruising speeds;
     * NaN until five of the lane's trips have one, or before the truck has cruised.
     */
    double cruisingPace(double speed) {
        return speed / cruisingSpeed;
    }

    static double clampPace(double pace) {
        return Math.max(MIN_PACE, Math.min(MAX_PACE, pace));
    }

    /**
     * How much paces still differ once each trip's cruising speed against the lane's is known: what a truck's
     * cruising speed does not tell of its pace (the log-pace spread left); NaN until a few trips have one.
     */
    double paceSpreadBesideCruising() {
        return paceSpreadBesideCruising;
    }

    /**
     * What the lane knows: delivered trips or none, and whether enough of them cruised to read a truck's pace from
     * its cruising speed ({@link #cruisingPace}).
     */
    LaneStage stage() {
        if (history.isEmpty()) {
            return LaneStage.NEW;
        }
        return Double.isFinite(cruisingSpeed) ? LaneStage.CRUISING : LaneStage.KNOWN;
    }

    /** Whether the lane has enough delivered trips to show how its paces spread. */
    boolean pacesLearned() {
        return Double.isFinite(paceSpread);
    }

    private static double interpolate(double[] byStep, double fraction) {
        double pos = Math.max(0, Math.min(1, fraction)) * LaneTrip.STEPS;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(LaneTrip.STEPS, lo + 1);
        return byStep[lo] + (pos - lo) * (byStep[hi] - byStep[lo]);
    }

    /**
     * How fast trucks drive this stretch of the lane at this time, road metres per driving second: the
     * stretch's own speed (town or highway) times how trucks drove at this hour against their stretches' speeds;
     * NaN without history.
     */
    double speedAt(Instant t, double fraction) {
        return speedAt(LaneTrip.bucket(fraction)) * hourFactor(t);
    }

    /** Seconds the lane's trucks take to drive these road metres per stretch; NaN without history. */
    double expectedSeconds(double[] metersByStretch) {
        double total = 0;
        for (int b = 0; b < LaneTrip.STEPS; b++) {
            if (metersByStretch[b] > 0) {
                double speed = speedAt(b);
                if (!Double.isFinite(speed)) {
                    return Double.NaN;
                }
                total += metersByStretch[b] / speed;
            }
        }
        return total;
    }

    private double speedAt(int stretch) {
        return segmentSeconds[stretch] >= MIN_STRETCH_SECONDS ? segmentMeters[stretch] / segmentSeconds[stretch]
                : seconds > 0 ? meters / seconds : Double.NaN;
    }

    /**
     * A trip's driving by hour of week, set against the speed of the stretch it was on in that hour: trucks set
     * off in the morning and drive the slow town streets then, so an hour's plain speed would count the town
     * twice, once by the stretch and once by the hour.
     */
    private void learnHours(LaneTrip trip) {
        Instant firstHour = trip.departedAt().truncatedTo(ChronoUnit.HOURS);
        int departureHour = TripTrace.hourOfWeek(trip.departedAt());
        for (int h = 0; h < TripTrace.HOURS_OF_WEEK; h++) {
            double driven = trip.hourSeconds()[h];
            if (driven <= 0) {
                continue;
            }
            Instant from = firstHour.plus(Math.floorMod(h - departureHour, TripTrace.HOURS_OF_WEEK), ChronoUnit.HOURS);
            double[] onStretch = trip.secondsOnStretches(from, from.plus(1, ChronoUnit.HOURS));
            double total = Arrays.stream(onStretch).sum();
            if (total <= 0) {
                continue; // the readings do not say where the truck was then
            }
            double speed = 0; // the stretches' speed, weighed by the time spent on each in this hour
            for (int k = 0; k < onStretch.length; k++) {
                speed += onStretch[k] / total * speedAt(k);
            }
            hourMeters[h] += trip.hourMeters()[h];
            hourExpected[h] += driven * speed;
            dayHourMeters[h % 24] += trip.hourMeters()[h];
            dayHourExpected[h % 24] += driven * speed;
        }
    }

    /**
     * How much faster than on the same stretches trucks drive at this hour of week, leaning on the hour of day
     * and that on no difference while they have little driving ({@link #HOUR_PRIOR_SECONDS}).
     */
    private double hourFactor(Instant t) {
        int hour = TripTrace.hourOfWeek(t);
        double prior = HOUR_PRIOR_SECONDS * (seconds > 0 ? meters / seconds : 1);
        double byDay = (dayHourMeters[hour % 24] + prior) / (dayHourExpected[hour % 24] + prior);
        return (hourMeters[hour] + prior * byDay) / (hourExpected[hour] + prior);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

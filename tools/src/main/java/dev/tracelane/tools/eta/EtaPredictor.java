package dev.tracelane.tools.eta;

import dev.tracelane.tools.plan.ShipmentPlan;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Predicts arrival on event time. It drives the road still to go forward in time: the lane's speed on each
 * stretch of the road and at each hour of week (or this truck's own speed where the lane has no history) scaled
 * by this truck's pace; pausing as the lane's trucks do for fuel, meals and traffic (which also fills the
 * 14-hour duty window), adding the planned stops still ahead and the rests the drivers' rules make due (a
 * planned stop long enough counts as that rest). It drives so at several likely paces, and mixes those outcomes
 * with the lane's past trips from the same progress into a {@link Forecast}; where past trips' arrivals fell in
 * their forecasts then turns it into a point estimate, a p10-p90 window and the chance of missing the promise.
 */
final class EtaPredictor {
    private static final long STEP_SECONDS = 300;
    /** Paces driven, at evenly spaced quantiles of how unsure this truck's pace still is. */
    private static final int SCENARIOS = 9;
    /**
     * What no scenario models (short stops and traffic falling differently), as a log-normal spread around each
     * outcome; past trips' levels recalibrate the width anyway.
     */
    private static final double KERNEL_SPREAD = 0.08;
    /** How far (in forecast probability) the point may sit from where it would be read before it moves. */
    private static final double STEADY = 0.2;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /**
     * How far ahead (in driving time) a planned stop may be for a due rest to wait for it: a plan puts its
     * overnight stop where the rules allow, so a stop a little beyond the simulated limit says the simulation
     * drives slower than the truck will, not that the driver rests twice.
     */
    private static final long DEFER_SECONDS = 2 * 3_600;
    /**
     * Driving seconds at which the truck's own pace counts as much as the lane's: a slow hour in town or behind
     * an accident says little about the driver, and an overestimated drive plans rests that never happen.
     */
    private static final double PACE_HALF_TRUSTED_AT = 4 * 3_600;
    /**
     * Cruising seconds at which the truck's cruising speed counts as much as the lane's: a cruising speed is a
     * median over steady driving, so it settles far sooner than the time a stretch took.
     */
    private static final double CRUISING_HALF_TRUSTED_AT = 20 * 60;
    private final EtaSettings settings;
    private final double geofenceMeters;

    EtaPredictor(EtaSettings settings, double geofenceMeters) {
        this.settings = settings;
        this.geofenceMeters = geofenceMeters;
    }

    /**
     * @param stopsDone   metres along the route of each planned stop, in the plan's order
     * @param cal         the past trips' levels that set the window
     * @param leftOrigin  the shipment's status is in transit: the basis says so even before the trace has seen
     *                    the truck drive along the route
     */
    Prediction predict(ShipmentPlan plan, TripTrace trace, double[] stopsDone, LaneProfile lane, Calibration cal,
                       boolean leftOrigin) {
        Instant now = trace.lastTs();
        boolean departed = trace.departedAt() != null;
        Instant start = !departed && plan.plannedDeparture() != null && plan.plannedDeparture().isAfter(now)
                ? plan.plannedDeparture() : now;
        Speed speed = speed(trace, lane);
        double toGo = Math.max(0, trace.remainingRoadMeters() - geofenceMeters);
        double doubt = paceDoubt(trace, lane, speed);
        Drive[] drives = new Drive[SCENARIOS];
        for (int k = 0; k < SCENARIOS; k++) {
            double z = STANDARD_NORMAL.inverseCumulativeProbability((k + 0.5) / SCENARIOS);
            drives[k] = drive(start, toGo, trace, speed.scaled(Math.exp(-z * doubt)), lane, plan, stopsDone);
        }
        Drive drive = drives[SCENARIOS / 2];
        double[] past = departed ? lane.timesToGo(trace.fraction(), speed.cruisingPace()) : new double[0];
        double laneWeight = past.length > 0 ? laneWeight(trace.fraction()) : 0;
        Forecast forecast = mixture(drives, now, past, laneWeight);
        int bucket = LaneTrip.bucket(trace.fraction());
        Double late = null;
        if (plan.promisedUntil() != null) {
            double allowed = plan.promisedUntil().getEpochSecond() - now.getEpochSecond();
            late = allowed <= 0 ? 1.0 : cal.probabilityAbove(bucket, forecast.cdf(allowed));
        }
        EtaBasis basis = new EtaBasis(departed || leftOrigin ? "in_transit" : "planned", distance(plan, lane),
                speed.source, round(speed.at(now, trace.fraction(), lane)), lane.trips(),
                trace.clock().rules().name(), drive.rests, drive.stops, Math.round(drive.stopSeconds / 60.0),
                cal.source(bucket),
                explain(toGo, speed, lane, drives, cal.describe(bucket), now, trace.fraction(), laneWeight));
        double median = forecast.quantile(0.5);
        double low = cal.level(bucket, 0.1);
        double high = cal.level(bucket, 0.9);
        double p10 = forecast.quantile(low);
        double p90 = forecast.quantile(high);
        // the point is the forecast read where past arrivals put their median (recalibrated: forecasts that ran
        // late on the lane are read earlier) while that lies in the window's middle half of probability; where past
        // trips push the window away from it, the nearest level in that half. Clamping to p10-p90 pinned it to the
        // window's edge ("cannot arrive later than this"); choosing between median and recalibrated median jumped
        // as it crossed the edge. The level moves only as the calibration does, when trips are delivered.
        double inner = (high - low) / 4;
        double level = Math.max(low + inner, Math.min(high - inner, cal.level(bucket, 0.5)));
        Estimate estimate = new Estimate(at(now, forecast.quantile(level)), at(now, p10), at(now, p90),
                Math.round(trace.remainingRoadMeters()), now.atOffset(ZoneOffset.UTC), basis,
                late == null ? null : round(late));
        return new Prediction(estimate, median, bucket, forecast, level);
    }

    /**
     * @param rawSeconds the forecast's median time to go, before calibration
     * @param forecast   what calibration learns from once the trip arrives
     * @param level      the forecast probability the point was read at
     */
    record Prediction(Estimate estimate, double rawSeconds, int bucket, Forecast forecast, double level) {
        /**
         * This estimate, but keeping the {@code previous} point while the forecast still puts it within
         * {@link #STEADY} of the level it reads the point at: where a daily rest splits the outcomes about evenly,
         * the point would hop between them on every reading, and so would every screen showing it.
         */
        Estimate steadied(OffsetDateTime previous) {
            Estimate e = estimate;
            double seconds = previous.toEpochSecond() - e.asOf().toEpochSecond();
            boolean inWindow = !previous.isBefore(e.p10()) && !previous.isAfter(e.p90());
            if (seconds <= 0 || !inWindow || Math.abs(forecast.cdf(seconds) - level) > STEADY) {
                return e;
            }
            return new Estimate(previous, e.p10(), e.p90(), e.remainingMeters(), e.asOf(), e.basis(),
                    e.lateProbability());
        }
    }

    /**
     * The drives at each pace and the lane's past trips from this progress, the latter weighing
     * {@code laneWeight} in all. Mixed as outcomes, not averaged: where the paces split on whether a daily rest
     * falls before arrival, the lane's trips tip the median to the side they usually took.
     */
    private static Forecast mixture(Drive[] drives, Instant now, double[] past, double laneWeight) {
        double[] seconds = new double[drives.length + past.length];
        double[] weights = new double[seconds.length];
        for (int k = 0; k < drives.length; k++) {
            seconds[k] = drives[k].arrival - now.getEpochSecond();
            weights[k] = (1 - laneWeight) / drives.length;
        }
        for (int i = 0; i < past.length; i++) {
            seconds[drives.length + i] = past[i];
            weights[drives.length + i] = laneWeight / past.length;
        }
        return new Forecast(seconds, weights, KERNEL_SPREAD);
    }

    /**
     * How unsure this truck's pace still is, in log pace: the lane's spread of paces, narrowing as the truck
     * drives as its pace estimate is trusted more (the same half-way point as {@link #PACE_HALF_TRUSTED_AT});
     * once it cruises, narrowing as its cruising is trusted towards what cruising leaves unexplained of the
     * lane's paces.
     */
    private double paceDoubt(TripTrace trace, LaneProfile lane, Speed speed) {
        double spread = lane.pacesLearned() ? lane.paceSpread() : settings.paceSpread();
        double driven = trace.drivingSeconds();
        double byDriving = spread * Math.sqrt(PACE_HALF_TRUSTED_AT / (driven + PACE_HALF_TRUSTED_AT));
        if (!speed.cruised()) {
            return byDriving;
        }
        double unexplained = lane.paceSpreadBesideCruising();
        double left = Double.isFinite(unexplained) ? Math.min(spread, unexplained) : spread;
        double cruised = trace.cruisedSeconds();
        // a truck that has driven long but cruised little (a lane mostly in town) is no less sure than before
        return Math.min(byDriving, Math.sqrt(left * left + (spread * spread - left * left)
                * CRUISING_HALF_TRUSTED_AT / (cruised + CRUISING_HALF_TRUSTED_AT)));
    }

    /**
     * Where the speed comes from and the truck's pace relative to the lane.
     *
     * @param cruised whether the pace was read from the truck's cruising speed
     */
    private record Speed(String source, double pace, double fallback, boolean cruised) {
        Speed(String source, double pace, double fallback) {
            this(source, pace, fallback, false);
        }

        Speed scaled(double factor) {
            return new Speed(source, pace * factor, fallback * factor, cruised);
        }

        /** The pace read from cruising; NaN where it came otherwise, so past trips are not scaled by it. */
        double cruisingPace() {
            return cruised ? pace : Double.NaN;
        }

        double at(Instant t, double fraction, LaneProfile lane) {
            double laneSpeed = lane.speedAt(t, fraction);
            return Double.isFinite(laneSpeed) ? laneSpeed * pace : fallback;
        }
    }

    /**
     * With lane history, this truck's pace is its cruising speed against the lane's trucks', trusted more the
     * longer it has cruised; before it has cruised (or where the lane's trucks never do), the lane's time for the
     * stretches it has driven over its own time on them, trusted more the longer it has driven. Without lane
     * history, its own moving speed, trusted alike against a typical speed.
     */
    private Speed speed(TripTrace trace, LaneProfile lane) {
        double expected = lane.expectedSeconds(trace.segmentMeters());
        double driven = trace.drivingSeconds();
        if (Double.isFinite(expected)) {
            // NaN until the truck has cruised ten minutes on a lane whose trucks' cruising is known
            double ratio = lane.cruisingPace(trace.cruisingSpeed());
            if (Double.isFinite(ratio)) {
                double pace = trusted(LaneProfile.clampPace(ratio), trace.cruisedSeconds(), CRUISING_HALF_TRUSTED_AT);
                return new Speed(String.format(Locale.ROOT, "lane profile by stretch and hour of week x this "
                        + "truck's pace %.2f (it cruises %.0f %% %s than the lane's trucks)",
                        pace, Math.abs(ratio - 1) * 100, ratio >= 1 ? "faster" : "slower"), pace,
                        settings.defaultSpeed(), true);
            }
            if (driven < 600) {
                return new Speed("lane profile by stretch and hour of week", 1, settings.defaultSpeed());
            }
            double pace = trusted(LaneProfile.clampPace(expected / driven), driven, PACE_HALF_TRUSTED_AT);
            return new Speed(String.format(Locale.ROOT,
                    "lane profile by stretch and hour of week x this truck's pace %.2f", pace), pace,
                    settings.defaultSpeed());
        }
        double recent = trace.recentSpeed();
        double moving = trace.movingSpeed();
        double own = Double.isFinite(recent) && Double.isFinite(moving) ? (recent + moving) / 2
                : Double.isFinite(moving) ? moving : recent;
        if (Double.isFinite(own)) {
            // an hour in town says little about the highway: as with a lane's pace, the truck's own speed is
            // trusted half after four hours of driving (trusting it fully after one hour alarmed as late trucks
            // that were only leaving a city)
            double weight = driven / (driven + PACE_HALF_TRUSTED_AT);
            double blended = weight * own + (1 - weight) * settings.defaultSpeed();
            return new Speed(String.format(Locale.ROOT, "this truck's speed so far (%.0f km/h), weighed %.0f %% "
                    + "against a typical one", own * 3.6, weight * 100), 1, blended);
        }
        return new Speed("default speed", 1, settings.defaultSpeed());
    }

    /** A pace read over {@code seconds}, weighed against the lane's (1) as much as it at {@code halfAt}. */
    private static double trusted(double pace, double seconds, double halfAt) {
        return 1 + seconds / (seconds + halfAt) * (pace - 1);
    }

    private static final class Drive {
        long arrival;
        final List<EtaBasis.Rest> rests = new ArrayList<>();
        int stops;
        double stopSeconds;
        double pauseSeconds;
    }

    /** Drives {@code toGo} metres from {@code start}, minute by minute, resting when the rules say so. */
    private Drive drive(Instant start, double toGo, TripTrace trace, Speed speed, LaneProfile lane,
                        ShipmentPlan plan, double[] stopsDone) {
        RestRules rules = trace.clock().rules();
        long breakAfter = rules.breakAfter().toSeconds();
        long dailyAfter = rules.dailyAfter().toSeconds();
        long dutyWindow = rules.dutyWindow().toSeconds();
        long sinceBreak = trace.clock().sinceBreak().toSeconds();
        long sinceDaily = trace.clock().sinceDailyRest().toSeconds();
        long onDuty = trace.clock().onDuty().toSeconds();
        Drive drive = new Drive();
        long t = start.getEpochSecond();
        double driven = 0;
        double done = trace.doneMeters();
        double circuity = toGo > 0 ? trace.remainingRoadMeters() / Math.max(1, plan.routeOrStraightLine()
                .lengthMeters() - done) : 1;
        boolean[] passed = new boolean[stopsDone.length];
        double length = plan.routeOrStraightLine().lengthMeters();
        double pauseShare = Double.isFinite(lane.pauseShare()) ? lane.pauseShare() : settings.pauseShare();
        double pauseDue = 0;
        long pausedSinceBreak = 0;
        long restedAlready = trace.clock().standing().toSeconds(); // a rest in progress is partly taken
        while (driven < toGo) {
            if (sinceBreak >= breakAfter && pausedSinceBreak >= rules.breakLength().toSeconds()) {
                sinceBreak = 0; // the lane's usual stops add up to the break
                pausedSinceBreak = 0;
            }
            double at = done + driven / circuity;
            boolean restDue = sinceDaily >= dailyAfter || onDuty >= dutyWindow;
            boolean breakDue = !restDue && sinceBreak >= breakAfter;
            boolean deferred = (restDue || breakDue) && plannedStopAhead(plan, stopsDone, passed, at,
                    speed.at(Instant.ofEpochSecond(t), fraction(at, length), lane) * DEFER_SECONDS / circuity,
                    restDue ? rules.dailyRest() : rules.breakLength());
            if (restDue && !deferred) {
                long rest = Math.max(0, rules.dailyRest().toSeconds() - restedAlready);
                t += rest;
                sinceDaily = 0;
                sinceBreak = 0;
                onDuty = 0;
                pausedSinceBreak = 0;
                drive.rests.add(new EtaBasis.Rest("daily rest", Math.round(rest / 60.0)));
            } else if (breakDue && !deferred) {
                long rest = Math.max(0, rules.breakLength().toSeconds() - restedAlready);
                t += rest;
                onDuty += rest;
                sinceBreak = 0;
                pausedSinceBreak = 0;
                drive.rests.add(new EtaBasis.Rest("break", Math.round(rest / 60.0)));
            }
            restedAlready = 0; // from here the truck drives: any later rest is taken whole
            long step = deferred ? STEP_SECONDS : Math.max(1, Math.min(Math.min(STEP_SECONDS, dutyWindow - onDuty),
                    Math.min(breakAfter - sinceBreak, dailyAfter - sinceDaily)));
            double v = Math.max(1, speed.at(Instant.ofEpochSecond(t), fraction(at, length), lane));
            if (driven + v * step >= toGo) {
                t += Math.round((toGo - driven) / v);
                break;
            }
            driven += v * step;
            pauseDue += pauseShare * step;
            long pause = (long) pauseDue;
            pauseDue -= pause;
            drive.pauseSeconds += pause;
            pausedSinceBreak += pause;
            t += step + pause;
            sinceBreak += step;
            sinceDaily += step;
            onDuty += step + pause;
            for (int i = 0; i < stopsDone.length; i++) {
                if (!passed[i] && stopsDone[i] > done + geofenceMeters && done + driven / circuity >= stopsDone[i]) {
                    passed[i] = true;
                    double dwell = plan.stops().get(i).dwellSeconds();
                    t += Math.round(dwell);
                    onDuty += Math.round(dwell);
                    drive.stops++;
                    drive.stopSeconds += dwell;
                    if (dwell >= rules.dailyRest().toSeconds() && !rules.dailyRest().isZero()) {
                        sinceDaily = 0; // a planned overnight stop is the daily rest
                        sinceBreak = 0;
                        onDuty = 0;
                        pausedSinceBreak = 0;
                    } else if (dwell >= rules.breakLength().toSeconds() && !rules.breakLength().isZero()) {
                        sinceBreak = 0;
                    }
                }
            }
        }
        drive.arrival = t;
        return drive;
    }

    /**
     * How much the lane's past trips from here count beside the drives ahead: early in a long haul whether a
     * daily rest falls before arrival is close to a coin toss for the drive, while the lane's trips say which
     * way it usually goes; the drive knows more the nearer the end.
     */
    private double laneWeight(double fraction) {
        double left = 1 - fraction;
        return settings.laneBlend() * left * left;
    }

    private static double fraction(double doneMeters, double length) {
        return length == 0 ? 1 : Math.min(1, doneMeters / length);
    }

    /**
     * Whether a planned stop long enough for the rest now due lies within {@code reach} metres along the route:
     * the driver rests there, as planned, rather than now and there again.
     */
    private static boolean plannedStopAhead(ShipmentPlan plan, double[] stopsDone, boolean[] passed, double at,
                                     double reach, Duration rest) {
        for (int i = 0; i < stopsDone.length; i++) {
            if (!passed[i] && stopsDone[i] > at && stopsDone[i] - at <= reach
                    && plan.stops().get(i).dwellSeconds() >= rest.toSeconds()) {
                return true;
            }
        }
        return false;
    }

    private String distance(ShipmentPlan plan, LaneProfile lane) {
        if (plan.route() != null) {
            return "along the planned route";
        }
        return Double.isFinite(lane.circuity())
                ? String.format(Locale.ROOT, "straight line x %.2f, this lane's road factor", lane.circuity())
                : String.format(Locale.ROOT, "straight line x %.2f, a typical road factor", settings.circuity());
    }

    private static String explain(double toGo, Speed speed, LaneProfile lane, Drive[] drives, String window,
                                  Instant now, double fraction, double laneWeight) {
        Drive drive = drives[drives.length / 2];
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,.0f km to go at about %.0f km/h (%s)",
                toGo / 1000, speed.at(now, fraction, lane) * 3.6, speed.source));
        if (!drive.rests.isEmpty()) {
            s.append("; ").append(drive.rests.size()).append(drive.rests.size() == 1 ? " mandatory rest" : " mandatory rests")
                    .append(" ahead (").append(drive.rests.stream().mapToLong(EtaBasis.Rest::minutes).sum())
                    .append(" min)");
        }
        if (drive.pauseSeconds >= 60) {
            s.append("; about ").append(Math.round(drive.pauseSeconds / 60)).append(" min of short stops")
                    .append(Double.isFinite(lane.pauseShare()) ? " as this lane's trucks make" : " as trucks make");
        }
        if (drive.stops > 0) {
            s.append("; ").append(drive.stops).append(drive.stops == 1 ? " planned stop" : " planned stops")
                    .append(" (").append(Math.round(drive.stopSeconds / 60)).append(" min)");
        }
        long slowerRest = Arrays.stream(drives).filter(d -> dailyRests(d) > dailyRests(drives[0])).count();
        if (slowerRest > 0) {
            s.append(String.format(Locale.ROOT, "; at %d of %d likely paces (the slower ones) more daily rests"
                    + " fall before arrival", slowerRest, drives.length));
        }
        if (laneWeight >= 0.01) {
            s.append(String.format(Locale.ROOT, "; this lane's past trips from here weigh %.0f %% beside the drive",
                    laneWeight * 100));
        }
        s.append("; ").append(window);
        return s.toString();
    }

    private static long dailyRests(Drive drive) {
        return drive.rests.stream().filter(r -> r.kind().equals("daily rest")).count();
    }

    private static java.time.OffsetDateTime at(Instant now, double seconds) {
        return now.plusSeconds(Math.round(Math.max(0, seconds))).atOffset(ZoneOffset.UTC);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

package dev.tracelane.tools.eta;

import java.time.Instant;
import java.util.Arrays;

/** Delivered trips driven without a stop, second by second, recorded as the lane learner records them. */
final class NonstopTrips {
    /** How fast the truck drives at a moment on a twentieth of the route, m/s. */
    interface Speed {
        double at(Instant t, int stretch);
    }

    private NonstopTrips() {
    }

    static LaneTrip driven(Instant departed, double length, Speed speed) {
        double stretchLength = length / LaneTrip.STEPS;
        double[] hourMeters = new double[TripTrace.HOURS_OF_WEEK];
        double[] hourSeconds = new double[TripTrace.HOURS_OF_WEEK];
        double[] meters = new double[LaneTrip.STEPS];
        double[] seconds = new double[LaneTrip.STEPS];
        double[] reached = new double[LaneTrip.STEPS + 1];
        double done = 0;
        long t = 0;
        int step = 1;
        while (done < length) {
            int stretch = Math.min(LaneTrip.STEPS - 1, (int) (done / stretchLength));
            Instant now = departed.plusSeconds(t);
            double v = speed.at(now, stretch);
            int hour = TripTrace.hourOfWeek(now);
            hourMeters[hour] += v;
            hourSeconds[hour] += 1;
            meters[stretch] += v;
            seconds[stretch] += 1;
            done += v;
            t++;
            while (step <= LaneTrip.STEPS && done >= step * stretchLength) {
                reached[step++] = t;
            }
        }
        double[] toGo = new double[LaneTrip.STEPS + 1];
        for (int k = 0; k <= LaneTrip.STEPS; k++) {
            toGo[k] = t - reached[k];
        }
        double[] levels = new double[LaneTrip.STEPS];
        Arrays.fill(levels, Double.NaN);
        return new LaneTrip(1, "L", departed, departed.plusSeconds(t), done, 1, toGo, hourMeters, hourSeconds, meters,
                seconds, 0, levels, LaneStage.KNOWN, Double.NaN);
    }
}

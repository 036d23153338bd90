package dev.tracelane.bench.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One checkpoint's predictions as arrival times (epoch seconds; NaN where a method had no answer) next to the
 * actual arrival. The error of a remaining-time prediction is the error of the arrival time it implies.
 *
 * @param p10 the predictor's early bound, NaN when not given
 * @param p90 the predictor's late bound, NaN when not given
 * @param calibration where the predictor's window came from, empty when it did not say
 */
record CheckpointResult(String tripId, int percent, long ts, long actual, double predictor, double p10, double p90,
                        double distanceOverSpeed, double laneMedian, double laneProgress, String calibration) {

    /**
     * @param eta the predictor's fresh estimate, or null when it gave none in time; baseline (a) then takes
     *            the great-circle distance left times {@link Baselines#CIRCUITY} for the distance left
     */
    static CheckpointResult score(Checkpoint checkpoint, TripTimeline timeline, Baselines baselines,
                                  EtaReading eta) {
        Ping at = checkpoint.ping();
        double elapsed = at.ts() - timeline.firstTs();
        double remainingMeters = eta != null && eta.remainingMeters() != null ? eta.remainingMeters()
                : at.at().metersTo(checkpoint.trip().destination()) * Baselines.CIRCUITY;
        return new CheckpointResult(checkpoint.trip().id(), checkpoint.percent(), at.ts(), timeline.arrivalTs(),
                eta == null ? Double.NaN : seconds(eta.eta()),
                eta == null || eta.p10() == null ? Double.NaN : seconds(eta.p10()),
                eta == null || eta.p90() == null ? Double.NaN : seconds(eta.p90()),
                at.ts() + Baselines.distanceOverSpeed(remainingMeters, timeline.travelledMeters(checkpoint.index()),
                        elapsed),
                at.ts() + baselines.laneMedian(checkpoint.trip(), elapsed),
                at.ts() + baselines.laneProgress(checkpoint.trip(), at.at()),
                eta == null || eta.calibration() == null ? "" : eta.calibration());
    }

    double errorMinutes(EtaMethod method) {
        return Math.abs(method.arrival(this) - actual) / 60;
    }

    boolean hasInterval() {
        return !Double.isNaN(p10) && !Double.isNaN(p90);
    }

    boolean covered() {
        return actual >= p10 && actual <= p90;
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    /** One CSV row per checkpoint, times in epoch seconds, for looking into where a method goes wrong. */
    static void write(List<CheckpointResult> results, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("trip_id,percent,ts,actual,predictor,p10,p90,distance_over_speed,lane_median,lane_progress,calibration");
        for (CheckpointResult r : results) {
            lines.add(String.join(",", r.tripId(), String.valueOf(r.percent()), String.valueOf(r.ts()),
                    String.valueOf(r.actual()), String.valueOf(r.predictor()), String.valueOf(r.p10()),
                    String.valueOf(r.p90()), String.valueOf(r.distanceOverSpeed()), String.valueOf(r.laneMedian()),
                    String.valueOf(r.laneProgress()), r.calibration()));
        }
        Files.write(file, lines);
    }
}

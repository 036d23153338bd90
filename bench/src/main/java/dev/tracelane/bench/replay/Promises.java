package dev.tracelane.bench.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Gives trips their promised arrival the way a carrier quotes one: planned departure plus the lane's typical
 * door-to-door time. "Typical" is the lane's 70th percentile (with a few percent of quoting noise), so about
 * 30 % of trips arrive late, for reasons (rush hours, incidents, a rest that falls badly) a good ETA can see
 * coming. Some trips carry no promise and some no planned departure, as the format allows.
 */
final class Promises {
    static final double TYPICAL_PERCENTILE = 70;
    private static final double QUOTING_NOISE = 0.03;
    private static final double NO_PROMISE = 0.10;
    private static final double NO_PLANNED_DEPARTURE = 0.05;
    private static final long ROUND_SECONDS = 15 * 60;

    private Promises() {
    }

    static List<TripData> assign(List<TripData> trips, Random rng) {
        Map<String, List<Double>> durations = new HashMap<>();
        for (TripData data : trips) {
            TripTimeline timeline = TripTimeline.of(data);
            if (timeline.arrived()) {
                durations.computeIfAbsent(data.trip().lane(), k -> new ArrayList<>())
                        .add((double) (timeline.arrivalTs() - data.trip().plannedDeparture().getEpochSecond()));
            }
        }
        List<TripData> promised = new ArrayList<>(trips.size());
        for (TripData data : trips) {
            Trip t = data.trip();
            double typical = Quantiles.percentile(durations.get(t.lane()), TYPICAL_PERCENTILE).orElseThrow();
            long until = t.plannedDeparture().getEpochSecond()
                    + Math.round(typical * (1 + rng.nextGaussian() * QUOTING_NOISE));
            until = Math.round((double) until / ROUND_SECONDS) * ROUND_SECONDS;
            Instant promise = rng.nextDouble() < NO_PROMISE ? null : Instant.ofEpochSecond(until);
            Instant planned = rng.nextDouble() < NO_PLANNED_DEPARTURE ? null : t.plannedDeparture();
            promised.add(new TripData(new Trip(t.id(), t.lane(), t.origin(), t.destination(), planned, promise),
                    data.pings(), data.events()));
        }
        return promised;
    }
}

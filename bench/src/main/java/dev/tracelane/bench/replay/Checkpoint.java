package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A moment at which the ETA is read: the ping at which {@code percent} of the trip's duration (first ping to
 * arrival) has elapsed. Only pings sent on time qualify, so the service has seen nothing newer when it is read.
 *
 * @param index the ping's position in the trip's timeline
 */
record Checkpoint(Trip trip, int percent, Ping ping, int index) {
    static final List<Integer> PERCENTS = List.of(25, 50, 75);

    /** @return one checkpoint per percentage, none when the trip never arrives */
    static List<Checkpoint> of(TripData data, TripTimeline timeline) {
        if (!timeline.arrived()) {
            return List.of();
        }
        Set<Long> late = latePings(data.pings());
        long first = timeline.firstTs();
        long duration = timeline.arrivalTs() - first;
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int percent : PERCENTS) {
            double due = first + duration * percent / 100.0;
            for (int i = 0; i < timeline.arrivalIndex(); i++) {
                Ping p = timeline.pings().get(i);
                if (p.ts() >= due && !late.contains(p.ts())) {
                    checkpoints.add(new Checkpoint(data.trip(), percent, p, i));
                    break;
                }
            }
        }
        return checkpoints;
    }

    /** Timestamps of pings that were sent after a newer one. */
    static Set<Long> latePings(List<Ping> inSendingOrder) {
        Set<Long> late = new HashSet<>();
        long newest = Long.MIN_VALUE;
        for (Ping p : inSendingOrder) {
            if (p.ts() < newest) {
                late.add(p.ts());
            }
            newest = Math.max(newest, p.ts());
        }
        return late;
    }
}

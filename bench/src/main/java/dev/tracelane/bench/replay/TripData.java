package dev.tracelane.bench.replay;

import java.util.List;

/** A trip with its pings in file (sending) order and the generator's events on it, if any. */
record TripData(Trip trip, List<Ping> pings, List<TripEvent> events) {

    TripData {
        pings = List.copyOf(pings);
        events = List.copyOf(events);
    }

    /** The same trip {@code seconds} later. */
    TripData shifted(long seconds) {
        return new TripData(trip.shifted(seconds), pings.stream().map(p -> p.shifted(seconds)).toList(),
                events.stream().map(e -> e.shifted(seconds)).toList());
    }

    boolean reefer() {
        return pings.stream().anyMatch(p -> p.temperature() != null);
    }
}

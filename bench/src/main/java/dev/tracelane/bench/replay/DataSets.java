package dev.tracelane.bench.replay;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The train set (possibly empty) and the evaluated set of a run, read, checked and moved in time together. */
record DataSets(List<TripData> train, List<TripData> evaluated) {

    /** @param notes where to say what qualifies the figures */
    static DataSets load(ReplayOptions options, Instant now, List<String> notes) throws IOException {
        List<TripData> train = options.trainTrips() == null ? List.of()
                : TripFiles.read(options.trainTrips(), options.trainPings(), null);
        List<TripData> evaluated = TripFiles.read(options.trips(), options.pings(), options.events());
        check(train, evaluated, notes);
        List<TripData> all = new ArrayList<>(train);
        all.addAll(evaluated);
        long shift = TimeShift.seconds(all, now);
        if (shift == 0) {
            return new DataSets(train, evaluated);
        }
        notes.add("timestamps moved by " + shift / TimeShift.WEEK_SECONDS + " weeks, to end a day before now");
        return new DataSets(train.stream().map(t -> t.shifted(shift)).toList(),
                evaluated.stream().map(t -> t.shifted(shift)).toList());
    }

    /** Trip ids name shipments, so the sets must not share one; they should not share time either. */
    private static void check(List<TripData> train, List<TripData> evaluated, List<String> notes) {
        Set<String> ids = new HashSet<>();
        train.forEach(t -> ids.add(t.trip().id()));
        for (TripData t : evaluated) {
            if (!ids.add(t.trip().id())) {
                throw new IllegalArgumentException("trip " + t.trip().id() + " is in both the train and the"
                        + " evaluated set");
            }
        }
        long trainEnd = train.stream().flatMap(t -> t.pings().stream()).mapToLong(Ping::ts).max()
                .orElse(Long.MIN_VALUE);
        long evaluatedStart = evaluated.stream().flatMap(t -> t.pings().stream()).mapToLong(Ping::ts).min()
                .orElse(Long.MAX_VALUE);
        if (trainEnd >= evaluatedStart) {
            notes.add("the train set's last ping is newer than the evaluated set's first: the monitors' event-time"
                    + " clock is already past the evaluated trips when they start");
        }
    }
}

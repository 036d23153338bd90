package dev.tracelane.bench.replay;

import java.time.Instant;
import java.util.List;

/**
 * Moves a run's data to just before the service's clock, by whole weeks so weekdays and hours (rush hours,
 * night driving) stay as generated. Generated data is dated before a fixed day, which drifts into the past:
 * the service would prune it after its retention, and its monitors treat readings within minutes of the wall
 * clock as live.
 */
final class TimeShift {
    static final long WEEK_SECONDS = 7 * 86_400;
    /** The newest ping lands at least this long before the service's clock. */
    static final long MARGIN_SECONDS = 86_400;

    private TimeShift() {
    }

    /** @return seconds to add to every timestamp, a whole number of weeks, possibly zero or negative */
    static long seconds(List<TripData> trips, Instant now) {
        long newest = trips.stream().flatMap(t -> t.pings().stream()).mapToLong(Ping::ts).max()
                .orElse(now.getEpochSecond());
        return Math.floorDiv(now.getEpochSecond() - MARGIN_SECONDS - newest, WEEK_SECONDS) * WEEK_SECONDS;
    }
}

package dev.tracelane.bench.replay;

import java.time.Instant;

/**
 * One row of {@code trips.csv}.
 *
 * @param plannedDeparture null when the file leaves it empty
 * @param promisedUntil    latest promised arrival, null when the file leaves it empty
 */
record Trip(String id, String lane, LatLon origin, LatLon destination, Instant plannedDeparture,
            Instant promisedUntil) {

    Trip shifted(long seconds) {
        return new Trip(id, lane, origin, destination,
                plannedDeparture == null ? null : plannedDeparture.plusSeconds(seconds),
                promisedUntil == null ? null : promisedUntil.plusSeconds(seconds));
    }
}

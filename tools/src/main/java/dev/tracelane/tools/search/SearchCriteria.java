package dev.tracelane.tools.search;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What to look for among the caller's shipments; a null field does not narrow. Start from {@link #all(int)} and
 * narrow with the {@code with} methods.
 *
 * @param status       planned, in_transit or delivered
 * @param late         past or predicted past its promised window (see {@link ShipmentSummary#lateReason})
 * @param near         a place name ("Dallas", "Joliet, IL"): shipments whose last position is within
 *                     {@code radiusKm} of it
 * @param destination  words in the destination's name, or a US state's name ("Texas" finds "Dallas, TX")
 * @param text         words in the reference, lane, origin or destination
 * @param party        an org that ships or carries them, by id, name or its name's first word; ignored when
 *                     no shipment in scope has such a shipper or carrier, so a word taken for a name by mistake
 *                     narrows nothing
 * @param temperatureOutOfRange not delivered, and the last reading is outside the cargo's range
 * @param silentMinutes not delivered, and no reading for at least this many minutes (on the server's clock);
 *                      0 does not narrow
 * @param arrivingFrom not delivered, and its ETA no earlier than this ("what's arriving tomorrow?")
 * @param arrivingBy   not delivered, and its ETA no later than this ("what's arriving today?")
 */
public record SearchCriteria(@Nullable String status, @Nullable Boolean late, @Nullable String near,
                             double radiusKm, @Nullable String destination, @Nullable String text,
                             @Nullable String party, @Nullable Boolean temperatureOutOfRange, int silentMinutes,
                             @Nullable Instant arrivingFrom, @Nullable Instant arrivingBy, int limit) {
    public static final double DEFAULT_RADIUS_KM = 100;

    public static SearchCriteria all(int limit) {
        return new SearchCriteria(null, null, null, DEFAULT_RADIUS_KM, null, null, null, null, 0, null, null, limit);
    }

    public SearchCriteria withLate(boolean late) {
        return new SearchCriteria(status, late, near, radiusKm, destination, text, party, temperatureOutOfRange,
                silentMinutes, arrivingFrom, arrivingBy, limit);
    }

    public SearchCriteria withNear(String near, double radiusKm) {
        return new SearchCriteria(status, late, near, radiusKm, destination, text, party, temperatureOutOfRange,
                silentMinutes, arrivingFrom, arrivingBy, limit);
    }

    public SearchCriteria withDestination(String destination) {
        return new SearchCriteria(status, late, near, radiusKm, destination, text, party, temperatureOutOfRange,
                silentMinutes, arrivingFrom, arrivingBy, limit);
    }

    public SearchCriteria withParty(String party) {
        return new SearchCriteria(status, late, near, radiusKm, destination, text, party, temperatureOutOfRange,
                silentMinutes, arrivingFrom, arrivingBy, limit);
    }

    public SearchCriteria withTemperatureOutOfRange() {
        return new SearchCriteria(status, late, near, radiusKm, destination, text, party, true, silentMinutes,
                arrivingFrom, arrivingBy, limit);
    }

    public SearchCriteria withSilentMinutes(int silentMinutes) {
        return new SearchCriteria(status, late, near, radiusKm, destination, text, party, temperatureOutOfRange,
                silentMinutes, arrivingFrom, arrivingBy, limit);
    }

    /** ETAs from {@code from} (null: any time before) to {@code by}. */
    public SearchCriteria withArriving(@Nullable Instant from, Instant by) {
        return new SearchCriteria(status, late, near, radiusKm, destination, text, party, temperatureOutOfRange,
                silentMinutes, from, by, limit);
    }
}

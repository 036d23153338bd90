package dev.tracelane.tools.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * @param place the place {@code near} was understood as ("Dallas, TX"), or null
 * @param placeUnknown true when {@code near} named no place the index knows; the list is then empty
 * @param party the org {@code party} was understood as (its name), or null when it narrowed nothing
 * @param partyUnknown the {@code party} asked for when it named none of the caller's shippers or carriers, so
 *                     the list is not narrowed by it; else null
 * @param destination the destination words asked for, or null
 * @param arrivingFrom the earliest ETA asked for, or null
 * @param arrivingBy the latest ETA asked for, or null
 * @param more  more shipments match than the list holds (its limit)
 */
@Serdeable
public record SearchResult(List<ShipmentSummary> shipments, @Nullable String place, boolean placeUnknown,
                           @Nullable String party, @Nullable String partyUnknown, @Nullable String destination,
                           @Nullable Instant arrivingFrom, @Nullable Instant arrivingBy, boolean more) {
}

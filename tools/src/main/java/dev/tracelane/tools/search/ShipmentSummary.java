package dev.tracelane.tools.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/**
 * One line of a search result: enough to answer "which loads to Dallas are late?" without another lookup.
 *
 * @param lateReason null when not late; {@code past promise} (not delivered and the window is over),
 *                   {@code delivered late}, or {@code predicted} (its ETA is after the window)
 */
@Serdeable
public record ShipmentSummary(String ref, String status, String lane, String origin, String destination,
                              @Nullable OffsetDateTime lastSeen, @Nullable Double lat, @Nullable Double lon,
                              @Nullable Double temperature, @Nullable Double tempMin, @Nullable Double tempMax,
                              @Nullable OffsetDateTime promisedUntil, @Nullable OffsetDateTime eta,
                              @Nullable OffsetDateTime deliveredAt, @Nullable String lateReason,
                              @Nullable Double kmFromPlace) {
}

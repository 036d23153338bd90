package dev.tracelane.tracking.shipment;

import io.micronaut.core.annotation.Nullable;

/**
 * Filters for listing shipments.
 *
 * @param status planned, in_transit or delivered
 * @param late   true: past the promised arrival and not delivered, or delivered after it; false: the others
 * @param q      free text matched against reference, lane, places, shipper and carrier
 */
public record ShipmentQuery(@Nullable ShipmentStatus status, @Nullable Boolean late, @Nullable String q,
                            int limit, int offset) {
}

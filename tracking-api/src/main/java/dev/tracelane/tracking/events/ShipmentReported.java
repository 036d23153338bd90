package dev.tracelane.tracking.events;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A shipment's latest reading advanced (a newer device time than any before; late events never produce
 * this). Position fields are null when the reading was a sensor-only event.
 */
public record ShipmentReported(long shipmentId, String reference, Instant ts, @Nullable Double lat,
                               @Nullable Double lon, @Nullable Double speed, @Nullable Double heading,
                               @Nullable Double temperature) {
}

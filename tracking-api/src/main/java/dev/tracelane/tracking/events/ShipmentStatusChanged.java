package dev.tracelane.tracking.events;

import dev.tracelane.tracking.shipment.ShipmentStatus;

import java.time.Instant;

/** Published after the commit that moved a shipment's status (event time in {@code at}). */
public record ShipmentStatusChanged(long shipmentId, String reference, ShipmentStatus status, Instant at) {
}

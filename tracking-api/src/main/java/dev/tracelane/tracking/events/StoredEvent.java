package dev.tracelane.tracking.events;

import dev.tracelane.tracking.ingest.TrackingEvent;
import io.micronaut.core.annotation.Nullable;

/** A tracking event as committed, with the shipment it was attributed to (null when its tracker has none). */
public record StoredEvent(@Nullable Long shipmentId, TrackingEvent event) {
}

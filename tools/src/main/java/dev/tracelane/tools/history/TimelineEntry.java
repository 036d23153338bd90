package dev.tracelane.tools.history;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/**
 * One thing that happened to a shipment.
 *
 * @param kind created, departed, delivered, alert_opened, alert_acknowledged, alert_resolved
 */
@Serdeable
public record TimelineEntry(OffsetDateTime at, String kind, String text) {
}

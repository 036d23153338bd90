package dev.tracelane.tracking.live;

import java.time.Instant;

/**
 * A sequenced live message as stored in {@code live_messages}, with the parties of its shipment at the time,
 * which each subscriber's scope is checked against.
 */
public record LiveMessage(long id, String topic, long seq, long shipmentId, String reference, String shipper,
                          String carrier, String kind, String data, Instant createdAt) {

    /** Position updates of one shipment supersede each other: a slow subscriber only needs the latest. */
    boolean conflatable() {
        return "position".equals(kind);
    }
}

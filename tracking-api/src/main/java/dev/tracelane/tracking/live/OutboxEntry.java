package dev.tracelane.tracking.live;

/**
 * A live message waiting for its sequence number.
 *
 * @param topic      internal topic ({@link Topics})
 * @param shipmentId the shipment it concerns; subscribers are checked against it
 * @param kind       {@code position}, {@code status}, {@code alert}, ...
 * @param json       the message's {@code data}, only the fields that changed
 */
public record OutboxEntry(String topic, long shipmentId, String kind, String json) {
}

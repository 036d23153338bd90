package dev.tracelane.tracking.live;

/**
 * A live message waiting for its sequence number.
 *
 * @param topic      internal topic ({@link Topics})
 * @param shipmentId the shipment it concerns; subscribers are checked against it
 * @param kind       {@code position}, {@code status}, {@code alert}, ...
 * @param json       the message's {@code data}, only the fields that changed
 * @param fleet      whether the message also goes out on the {@code fleet} topic (stored once, numbered twice)
 */
public record OutboxEntry(String topic, long shipmentId, String kind, String json, boolean fleet) {

    public OutboxEntry(String topic, long shipmentId, String kind, String json) {
        this(topic, shipmentId, kind, json, false);
    }

    /** A change of one shipment that its topic and the fleet both carry. */
    public static OutboxEntry shipmentAndFleet(long shipmentId, String kind, String json) {
        return new OutboxEntry(Topics.ofShipment(shipmentId), shipmentId, kind, json, true);
    }
}

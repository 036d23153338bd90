package dev.tracelane.tracking.live;

import java.time.Instant;

/**
 * A sequenced live message as stored in {@code live_messages}, with the parties of its shipment at the time,
 * which each subscriber's scope is checked against, and its frame as subscribers receive it, built once here
 * rather than once per subscriber.
 */
public record LiveMessage(long id, String topic, long seq, long shipmentId, String reference, String shipper,
                          String carrier, String kind, String data, Instant createdAt, String frame) {

    static LiveMessage create(long id, String topic, long seq, long shipmentId, String reference, String shipper,
                              String carrier, String kind, String data, Instant createdAt) {
        String clientTopic = topic.startsWith("s:") ? Topics.SHIPMENT_PREFIX + reference : topic;
        return new LiveMessage(id, topic, seq, shipmentId, reference, shipper, carrier, kind, data, createdAt,
                LiveFrames.single(LiveFrames.quote(clientTopic), seq, kind, data));
    }

    /** Position updates of one shipment supersede each other: a slow subscriber only needs the latest. */
    boolean conflatable() {
        return "position".equals(kind);
    }
}

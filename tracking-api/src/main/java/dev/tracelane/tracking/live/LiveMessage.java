package dev.tracelane.tracking.live;

import java.time.Instant;

/**
 * A sequenced live message as stored in {@code live_messages}, with the parties of its shipment at the time,
 * which each subscriber's scope is checked against, and its frame as subscribers receive it, built once here
 * rather than once per subscriber.
 *
 * @param fleetSeq the message's seq on the {@code fleet} topic when it also goes there, else 0
 */
public record LiveMessage(long id, String topic, long seq, long fleetSeq, long shipmentId, String reference,
                          String shipper, String carrier, String kind, String data, Instant createdAt, LiveFrame frame) {
    private static final String FLEET_QUOTED = LiveFrames.quote(Topics.FLEET);

    static LiveMessage create(long id, String topic, long seq, long fleetSeq, long shipmentId, String reference,
                              String shipper, String carrier, String kind, String data, Instant createdAt) {
        String clientTopic = topic.startsWith("s:") ? Topics.SHIPMENT_PREFIX + reference : topic;
        return new LiveMessage(id, topic, seq, fleetSeq, shipmentId, reference, shipper, carrier, kind, data,
                createdAt, LiveFrames.single(LiveFrames.quote(clientTopic), seq, kind, data));
    }

    /** Whether the fleet topic carries this message too. */
    boolean onFleet() {
        return fleetSeq > 0;
    }

    /** The same message as the fleet topic carries it: its fleet seq and a frame naming the fleet. */
    LiveMessage asFleet() {
        return new LiveMessage(id, Topics.FLEET, fleetSeq, fleetSeq, shipmentId, reference, shipper, carrier, kind,
                data, createdAt, LiveFrames.single(FLEET_QUOTED, fleetSeq, kind, data));
    }

    boolean isPosition() {
        return "position".equals(kind);
    }

    /** Position updates of one shipment supersede each other: a slow subscriber only needs the latest. */
    boolean conflatable() {
        return isPosition();
    }
}

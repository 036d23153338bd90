package dev.tracelane.tracking.live;

/**
 * Topic names. Clients name a shipment by reference ({@code shipment:SHP-1}); inside, its topic is keyed by the
 * shipment's id ({@code s:42}) because references are unique per shipper only.
 */
public final class Topics {
    public static final String FLEET = "fleet";
    public static final String ALERTS = "alerts";
    public static final String SHIPMENT_PREFIX = "shipment:";

    private Topics() {
    }

    public static String ofShipment(long shipmentId) {
        return "s:" + shipmentId;
    }

    /** Topics whose messages each concern one shipment and are filtered per subscriber's scope. */
    static boolean isScopedStream(String topic) {
        return FLEET.equals(topic) || ALERTS.equals(topic);
    }

    /** Topics sent as batch frames: the fleet's position flood, not the rare alerts. */
    static boolean isBatched(String topic) {
        return FLEET.equals(topic);
    }
}

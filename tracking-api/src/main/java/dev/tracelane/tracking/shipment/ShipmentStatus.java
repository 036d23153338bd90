package dev.tracelane.tracking.shipment;

import java.util.Locale;

/** Status only ever moves forward: planned, then in_transit, then delivered. */
public enum ShipmentStatus {
    PLANNED, IN_TRANSIT, DELIVERED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ShipmentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package dev.tracelane.tools.anomaly;

/** Whether a spot is one of the depots of a shipment's shipper or carrier, where standing is expected. */
@FunctionalInterface
interface DepotCheck {
    DepotCheck NONE = (lat, lon) -> false;

    boolean isDepot(double lat, double lon);
}

package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.shipment.ShipmentModel.Shipment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds what a higher module knows about a shipment (its active alerts, its ETA) to the API's view of it, so
 * this module need not depend on them. The shipment is already known to be in the caller's scope.
 */
public interface ShipmentAugmenter {
    Shipment augment(long shipmentId, Shipment shipment);

    /** A page of the list, by shipment id; an augmenter that can look them all up at once does. */
    default Map<Long, Shipment> augmentAll(Map<Long, Shipment> shipments) {
        Map<Long, Shipment> augmented = new LinkedHashMap<>();
        shipments.forEach((id, shipment) -> augmented.put(id, augment(id, shipment)));
        return augmented;
    }
}

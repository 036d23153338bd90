package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.shipment.ShipmentModel.Shipment;

/**
 * Adds what a higher module knows about a shipment (its active alerts, its ETA) to the API's view of it, so
 * this module need not depend on them. The shipment is already known to be in the caller's scope.
 */
public interface ShipmentAugmenter {
    Shipment augment(long shipmentId, Shipment shipment);
}

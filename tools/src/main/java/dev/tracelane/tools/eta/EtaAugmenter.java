package dev.tracelane.tools.eta;

import dev.tracelane.tracking.shipment.ShipmentAugmenter;
import dev.tracelane.tracking.shipment.ShipmentModel.Shipment;
import jakarta.inject.Singleton;

/** {@code GET /api/shipments/{ref}} carries the shipment's latest ETA. */
@Singleton
public class EtaAugmenter implements ShipmentAugmenter {
    private final Estimates estimates;

    public EtaAugmenter(Estimates estimates) {
        this.estimates = estimates;
    }

    @Override
    public Shipment augment(long shipmentId, Shipment shipment) {
        return estimates.find(shipmentId).map(shipment::withEta).orElse(shipment);
    }
}

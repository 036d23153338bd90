package dev.tracelane.tools.alert;

import dev.tracelane.tracking.shipment.ShipmentAugmenter;
import dev.tracelane.tracking.shipment.ShipmentModel.Shipment;
import jakarta.inject.Singleton;

/** {@code GET /api/shipments/{ref}} lists the shipment's open and acknowledged alerts. */
@Singleton
public class ActiveAlerts implements ShipmentAugmenter {
    private final Alerts alerts;

    public ActiveAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public Shipment augment(long shipmentId, Shipment shipment) {
        return shipment.withAlerts(alerts.active(shipmentId));
    }
}

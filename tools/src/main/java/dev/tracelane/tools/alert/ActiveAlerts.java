package dev.tracelane.tools.alert;

import dev.tracelane.tracking.shipment.ShipmentAugmenter;
import dev.tracelane.tracking.shipment.ShipmentModel.Shipment;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/shipments} and {@code /{ref}} list each shipment's open and acknowledged alerts. */
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

    @Override
    public Map<Long, Shipment> augmentAll(Map<Long, Shipment> shipments) {
        Map<Long, List<Alert>> active = alerts.active(shipments.keySet());
        Map<Long, Shipment> augmented = new LinkedHashMap<>();
        shipments.forEach((id, shipment) -> augmented.put(id,
                shipment.withAlerts(active.getOrDefault(id, List.of()))));
        return augmented;
    }
}

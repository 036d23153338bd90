package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.geo.RouteLine;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What the detectors need to know about a shipment: where it should go, where it may stop, what its cargo
 * tolerates.
 *
 * @param route         the planned route, or null when it has none (no deviation check then)
 * @param knownStops    origin, destination and planned stops as [lat, lon]
 * @param tempMin       cargo range, or null
 */
record ShipmentPlan(long shipmentId, String reference, @Nullable RouteLine route, List<double[]> knownStops,
                    @Nullable Double tempMin, @Nullable Double tempMax) {
}

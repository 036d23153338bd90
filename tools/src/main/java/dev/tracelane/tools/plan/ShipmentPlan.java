package dev.tracelane.tools.plan;

import dev.tracelane.tracking.geo.RouteLine;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the detectors and the ETA predictor need to know about a shipment: where it should go and stop, what
 * its cargo tolerates, when it is promised.
 *
 * @param carrier       the carrier org, whose fleet shares one event clock
 * @param route         the planned route, or null when it has none
 * @param stops         planned stops between origin and destination
 * @param tempMin       cargo range, or null
 * @param promisedUntil the end of the promised arrival window, or null
 * @param deliveredAt   when it arrived, or null while it has not (as it stood when the plan was loaded)
 */
public record ShipmentPlan(long shipmentId, String reference, String lane, String carrier, PlannedStop origin,
                           PlannedStop destination, @Nullable RouteLine route, List<PlannedStop> stops,
                           @Nullable Double tempMin, @Nullable Double tempMax, @Nullable Instant plannedDeparture,
                           @Nullable Instant promisedUntil, @Nullable Instant deliveredAt) {

    /** Origin, destination and planned stops: where standing still is expected. */
    public List<PlannedStop> knownStops() {
        List<PlannedStop> known = new ArrayList<>(stops.size() + 2);
        known.add(origin);
        known.add(destination);
        known.addAll(stops);
        return known;
    }

    /** The planned route, or the straight line from origin to destination when there is none. */
    public RouteLine routeOrStraightLine() {
        return route != null ? route : RouteLine.straight(origin.lat(), origin.lon(), destination.lat(),
                destination.lon());
    }
}

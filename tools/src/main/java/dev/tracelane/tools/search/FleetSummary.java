package dev.tracelane.tools.search;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The caller's fleet at a glance.
 *
 * @param onTheRoad      in transit and heard from within the last 30 minutes
 * @param late           past or predicted past the promised window (search's rule)
 * @param predictedLate  of those, late only by prediction so far
 * @param temperatureOutOfRange last reading outside the cargo's range
 * @param openAlerts     open and acknowledged alerts by type
 */
@Serdeable
public record FleetSummary(long total, long planned, long inTransit, long delivered, long onTheRoad, long late,
                           long predictedLate, long temperatureOutOfRange, Map<String, Long> openAlerts) {
}

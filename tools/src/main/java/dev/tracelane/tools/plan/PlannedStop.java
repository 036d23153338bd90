package dev.tracelane.tools.plan;

import io.micronaut.core.annotation.Nullable;

/** A place the truck is expected at: origin, destination or a planned stop with its expected dwell. */
public record PlannedStop(@Nullable String name, double lat, double lon, double dwellSeconds) {
}

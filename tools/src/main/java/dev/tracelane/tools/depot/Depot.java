package dev.tracelane.tools.depot;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A place of an org's where trucks are expected to stand: a yard, a terminal, a customer's dock. */
@Serdeable
public record Depot(long id, String org, String name, double lat, double lon, double radiusMeters,
                    String createdBy, Instant createdAt) {
}

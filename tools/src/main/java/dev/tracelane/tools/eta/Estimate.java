package dev.tracelane.tools.eta;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/**
 * An ETA as {@code GET /api/shipments/{ref}/eta} returns it (CONTRACT.md): the arrival estimate with its
 * p10-p90 window, the road still to go, the reading it was made from, and what it rested on.
 *
 * @param lateProbability probability of arriving after the promised window; null when none was promised
 */
@Serdeable
public record Estimate(OffsetDateTime eta, OffsetDateTime p10, OffsetDateTime p90, long remainingMeters,
                       OffsetDateTime asOf, EtaBasis basis, @Nullable Double lateProbability) {
}

package dev.tracelane.tools.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An alert as the API, the live {@code alerts} topic and the assistant see it. {@code evidence} carries what it
 * rests on: where, since when, the readings. {@code openedAt} is when the condition began, {@code detectedAt}
 * when a detector first established it (both on event time): the gap is the detection delay.
 */
@Serdeable
public record Alert(long id, String ref, String type, String severity, String status, String title,
                    Map<String, Object> evidence, OffsetDateTime openedAt, OffsetDateTime updatedAt,
                    @Nullable OffsetDateTime acknowledgedAt, @Nullable String acknowledgedBy,
                    @Nullable OffsetDateTime resolvedAt, @Nullable String resolvedBy, OffsetDateTime detectedAt) {
}

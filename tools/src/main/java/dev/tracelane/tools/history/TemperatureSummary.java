package dev.tracelane.tools.history;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A shipment's cargo temperature over a window: "was it kept cold?" in numbers.
 *
 * @param minutesOutOfRange time between readings where the earlier one was outside the range
 * @param samples           up to a dozen readings spread over the window, oldest first
 */
@Serdeable
public record TemperatureSummary(String ref, @Nullable Double tempMin, @Nullable Double tempMax, int readings,
                                 @Nullable Double lowest, @Nullable Double highest, @Nullable Double mean,
                                 long minutesOutOfRange, @Nullable OffsetDateTime from,
                                 @Nullable OffsetDateTime to, List<Reading> samples) {

    @Serdeable
    public record Reading(OffsetDateTime ts, double celsius) {
    }
}

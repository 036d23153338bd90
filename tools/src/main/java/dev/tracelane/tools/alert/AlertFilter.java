package dev.tracelane.tools.alert;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * Which alerts to list; a null field does not narrow.
 *
 * @param status    open, acknowledged or resolved
 * @param reference the shipment's reference
 * @param severity  info, warning or critical
 * @param since     changed at or after this time
 */
public record AlertFilter(@Nullable String status, @Nullable String reference, @Nullable AlertType type,
                          @Nullable Severity severity, @Nullable Instant since) {
    public static final AlertFilter ALL = new AlertFilter(null, null, null, null, null);
}

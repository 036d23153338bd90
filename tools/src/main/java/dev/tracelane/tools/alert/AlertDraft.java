package dev.tracelane.tools.alert;

import java.time.Instant;
import java.util.Map;

/**
 * What a detector wants raised (or refreshed) for a shipment, on event time.
 *
 * @param since when the condition began (the alert's opening time)
 * @param at    the reading that established or refreshed it
 */
public record AlertDraft(long shipmentId, AlertType type, Severity severity, String title,
                         Map<String, Object> evidence, Instant since, Instant at) {
}

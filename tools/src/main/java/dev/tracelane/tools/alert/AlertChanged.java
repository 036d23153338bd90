package dev.tracelane.tools.alert;

/** Published on the event bus after an alert opened, changed, was acknowledged or resolved, and committed. */
public record AlertChanged(long shipmentId, Alert alert) {
}

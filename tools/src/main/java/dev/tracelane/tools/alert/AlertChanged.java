package dev.tracelane.tools.alert;

import io.micronaut.core.annotation.Nullable;

/**
 * Published on the event bus after an alert opened, changed, was acknowledged or resolved, and committed.
 *
 * @param previousSeverity its severity before this change; null when the change opened it
 */
public record AlertChanged(long shipmentId, Alert alert, @Nullable String previousSeverity) {

    /**
     * It opened above info, or rose from info (acknowledged or not: an acknowledged "likely the rest" that runs
     * over is news): the moment it becomes worth telling someone.
     */
    public boolean becameNotable() {
        return !Severity.INFO.wire().equals(alert.severity()) && !"resolved".equals(alert.status())
                && (previousSeverity == null || Severity.INFO.wire().equals(previousSeverity));
    }
}

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
        return !Severity.isInfo(alert.severity()) && !"resolved".equals(alert.status())
                && (previousSeverity == null || Severity.isInfo(previousSeverity));
    }

    /** It was resolved, and was above info: its end is news to whoever heard it begin. */
    public boolean notableEnded() {
        return !Severity.isInfo(alert.severity()) && "resolved".equals(alert.status());
    }
}

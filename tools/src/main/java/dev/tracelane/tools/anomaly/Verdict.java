package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertDraft;
import dev.tracelane.tools.alert.AlertType;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/** What a detector concluded from a reading: raise (or refresh) an alert, or clear it. */
sealed interface Verdict {
    record Raise(AlertDraft draft) implements Verdict {
    }

    /** @param title the alert's last word on what happened, or null to keep the title it has */
    record Clear(long shipmentId, AlertType type, Instant at, Map<String, Object> evidence, @Nullable String title)
            implements Verdict {
        Clear(long shipmentId, AlertType type, Instant at, Map<String, Object> evidence) {
            this(shipmentId, type, at, evidence, null);
        }
    }
}

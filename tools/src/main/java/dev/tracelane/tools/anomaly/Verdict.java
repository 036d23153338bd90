package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertDraft;
import dev.tracelane.tools.alert.AlertType;

import java.time.Instant;
import java.util.Map;

/** What a detector concluded from a reading: raise (or refresh) an alert, or clear it. */
sealed interface Verdict {
    record Raise(AlertDraft draft) implements Verdict {
    }

    record Clear(long shipmentId, AlertType type, Instant at, Map<String, Object> evidence) implements Verdict {
    }
}

package dev.tracelane.tracking.events;

import java.util.List;

/** What one group commit stored and changed: handed to {@link CommitParticipant}s before the commit. */
public record CommittedBatch(List<StoredEvent> stored, List<ShipmentReported> reported,
                             List<ShipmentStatusChanged> statusChanges) {
}

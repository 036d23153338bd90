package dev.tracelane.tracking.events;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes something in the same transaction as a batch of tracking events, so it commits, or not, with them
 * (the live outbox does, so no committed change can miss its live message).
 */
public interface CommitParticipant {
    void beforeCommit(Connection connection, CommittedBatch batch) throws SQLException;

    /**
     * Runs on the same connection once the batch has committed; what it does is not part of the batch, and a
     * failure here is only logged (the events are stored and acked regardless).
     */
    default void afterCommit(Connection connection, CommittedBatch batch) throws SQLException {
    }
}

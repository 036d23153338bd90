package dev.tracelane.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/** Counts what PostgreSQL actually holds for a run's trackers, the ground truth behind every ack. */
final class RowCounter {
    private static final int TIMEOUT_SECONDS = 300;

    private RowCounter() {
    }

    static long count(String jdbcUrl, String user, String password, List<TrackerCredentials> trackers)
            throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        DriverManager.setLoginTimeout(10);
        try (Connection db = DriverManager.getConnection(jdbcUrl, credentials);
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FROM tracking_events WHERE tracker_id = ANY (?)")) {
            Array ids = db.createArrayOf("text", trackers.stream().map(TrackerCredentials::id).toArray());
            query.setArray(1, ids);
            query.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

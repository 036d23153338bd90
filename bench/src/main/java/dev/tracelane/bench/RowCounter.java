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
        try (Connection db = connect(jdbcUrl, user, password);
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

    /** Every stored position, whoever sent it: how full the table is that a bench reads against. */
    static long all(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection db = connect(jdbcUrl, user, password);
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM tracking_events")) {
            query.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        DriverManager.setLoginTimeout(10);
        return DriverManager.getConnection(jdbcUrl, credentials);
    }
}

package dev.tracelane.tracking;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What one tracker has in {@code tracking_events}, read straight from PostgreSQL. */
public final class StoredEvents {
    private final DataSource dataSource;
    private final String trackerId;

    public StoredEvents(DataSource dataSource, String trackerId) {
        this.dataSource = dataSource;
        this.trackerId = trackerId;
    }

    public int count() throws SQLException {
        return clientIds().size();
    }

    /** @param clientId "" for events sent without an id */
    public int count(String clientId) throws SQLException {
        return (int) clientIds().stream().filter(clientId::equals).count();
    }

    /** One entry per stored row, so duplicates would show. */
    public List<String> clientIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT client_id FROM tracking_events WHERE tracker_id = ?")) {
            ps.setString(1, trackerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}

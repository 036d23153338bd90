package dev.tracelane.tracking.live;

import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads {@code live_messages}: the feed's "what is new", and a topic's history for resuming subscribers. */
@Singleton
public class LiveMessages {
    private static final String COLUMNS = """
            id, topic, seq, shipment_id, reference, shipper_id, carrier_id, kind, data, created_at""";
    private final DataSource dataSource;

    public LiveMessages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<LiveMessage> after(long id, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM live_messages WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, id);
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    public long lastId() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM live_messages");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The topic's messages after {@code since}, oldest first; at most {@code limit}. */
    public List<LiveMessage> since(String topic, long since, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM live_messages WHERE topic = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, topic);
            ps.setLong(2, since);
            ps.setInt(3, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new StorageException("could not replay " + topic, e);
        }
    }

    /** The topic's latest seq, if it ever had a message. */
    public OptionalLong currentSeq(String topic) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq FROM live_topics WHERE topic = ?")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("could not read topic " + topic, e);
        }
    }

    private static List<LiveMessage> read(PreparedStatement ps) throws SQLException {
        List<LiveMessage> messages = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                messages.add(LiveMessage.create(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant()));
            }
        }
        return messages;
    }
}

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
    static final String COLUMNS = """
            id, topic, seq, fleet_seq, shipment_id, reference, shipper_id, carrier_id, kind, data, created_at""";
    private final DataSource dataSource;

    public LiveMessages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Messages with {@code after < id < before}, in id order (commit order); at most {@code limit}. */
    public List<LiveMessage> between(long after, long before, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM live_messages WHERE id > ? AND id < ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, after);
            ps.setLong(2, before);
            ps.setInt(3, limit);
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
        if (Topics.FLEET.equals(topic)) {
            return fleetSince(since, limit);
        }
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

    private List<LiveMessage> fleetSince(long since, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM live_messages WHERE fleet_seq > ? ORDER BY fleet_seq LIMIT ?")) {
            ps.setLong(1, since);
            ps.setInt(2, limit);
            return read(ps).stream().map(LiveMessage::asFleet).toList();
        } catch (SQLException e) {
            throw new StorageException("could not replay the fleet", e);
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
        try (ResultSet rs = ps.executeQuery()) {
            return read(rs);
        }
    }

    /** Rows of {@link #COLUMNS}, in the order given. */
    static List<LiveMessage> read(ResultSet rs) throws SQLException {
        List<LiveMessage> messages = new ArrayList<>();
        while (rs.next()) {
            messages.add(LiveMessage.create(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getTimestamp(11).toInstant()));
        }
        return messages;
    }
}

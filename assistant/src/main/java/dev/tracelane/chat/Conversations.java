package dev.tracelane.chat;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations and what their users see of them, numbered per conversation. Only a conversation's own user
 * finds it: anyone else gets nothing, as if it did not exist.
 */
@Singleton
public class Conversations {
    private static final String SELECT = "SELECT seq, role, text, citations::text, alert::text, client_msg_id, msg,"
            + " created_at FROM chat_messages ";
    private final DataSource dataSource;
    private final JsonMapper json;

    public Conversations(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Conversation start(Caller caller) {
        String id = "c-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO conversations (id, username, org_id) VALUES (?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, caller.username());
            ps.setString(3, caller.org());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not start a conversation", e);
        }
        return new Conversation(id, caller.username(), caller.org());
    }

    public Optional<Conversation> find(String username, String id) {
        return one("SELECT id, username, org_id FROM conversations WHERE id = ? AND username = ?", id, username);
    }

    /**
     * The user's conversation that holds a message with this {@code clientMsgId}: a first message resent after a
     * reconnect, before the answer that would have named its conversation came back, belongs there.
     */
    public Optional<Conversation> holding(String username, String clientMsgId) {
        return one("""
                SELECT c.id, c.username, c.org_id FROM conversations c
                  JOIN chat_messages m ON m.conversation_id = c.id AND m.client_msg_id = ?
                 WHERE c.username = ? ORDER BY c.updated_at DESC LIMIT 1""", clientMsgId, username);
    }

    /** The user's most recent conversation: where proactive alerts are filed. */
    public Optional<Conversation> latest(String username) {
        return one("SELECT id, username, org_id FROM conversations WHERE username = ?"
                + " ORDER BY updated_at DESC LIMIT 1", username);
    }

    /** Appends a message with the conversation's next seq; the row lock orders concurrent appends. */
    public long append(String conversationId, String role, String text, List<?> citations, Object alert,
                       String clientMsgId, String msg) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long seq;
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE conversations SET last_seq = last_seq + 1, updated_at = now() WHERE id = ?
                        RETURNING last_seq""")) {
                    ps.setString(1, conversationId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        seq = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO chat_messages (conversation_id, seq, role, text, citations, alert, client_msg_id,
                                                   msg)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")) {
                    ps.setString(1, conversationId);
                    ps.setLong(2, seq);
                    ps.setString(3, role);
                    ps.setString(4, text);
                    ps.setString(5, write(citations));
                    ps.setString(6, alert == null ? null : write(alert));
                    ps.setString(7, clientMsgId);
                    ps.setString(8, msg);
                    ps.executeUpdate();
                }
                c.commit();
                return seq;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("could not store a chat message", e);
        }
    }

    /** Messages after {@code afterSeq}, oldest first. */
    public List<StoredMessage> after(String conversationId, long afterSeq, int limit) {
        return messages(SELECT + "WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?", conversationId,
                afterSeq, limit);
    }

    /** The user message sent with this client id, and what followed it, if it was already received. */
    public List<StoredMessage> answeredBefore(String conversationId, String clientMsgId) {
        return messages(SELECT + """
                 WHERE conversation_id = ? AND seq >= (SELECT seq FROM chat_messages
                       WHERE conversation_id = ? AND client_msg_id = ?) ORDER BY seq LIMIT ?""",
                conversationId, conversationId, clientMsgId, 2);
    }

    private List<StoredMessage> messages(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            List<StoredMessage> messages = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String alert = rs.getString(5);
                    messages.add(new StoredMessage(rs.getLong(1), rs.getString(2), rs.getString(3),
                            read(rs.getString(4), Argument.listOf(Argument.mapOf(String.class, Object.class))),
                            alert == null ? null : read(alert, Argument.mapOf(String.class, Object.class)),
                            rs.getString(6), rs.getString(7), Sql.utc(rs, "created_at")));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new StorageException("could not read chat messages", e);
        }
    }

    private Optional<Conversation> one(String sql, String... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Conversation(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("could not read conversations", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

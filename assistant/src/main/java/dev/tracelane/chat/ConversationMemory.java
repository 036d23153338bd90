package dev.tracelane.chat;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's memory per conversation in {@code chat_memory}, tool calls and results included, in LangChain4j's
 * own JSON: a follow-up works after a reconnect and after a restart.
 */
@Singleton
public class ConversationMemory implements ChatMemoryStore {
    private final DataSource dataSource;

    public ConversationMemory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT messages::text FROM chat_memory WHERE conversation_id = ?")) {
            ps.setString(1, memoryId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ChatMessageDeserializer.messagesFromJson(rs.getString(1)) : List.of();
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the memory of " + memoryId, e);
        }
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO chat_memory (conversation_id, messages, updated_at) VALUES (?, ?::jsonb, now())
                     ON CONFLICT (conversation_id) DO UPDATE SET messages = EXCLUDED.messages, updated_at = now()""")) {
            ps.setString(1, memoryId.toString());
            ps.setString(2, ChatMessageSerializer.messagesToJson(messages));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not store the memory of " + memoryId, e);
        }
    }

    /** Adds a message the model did not write (a proactive alert) so the next turn sees it. */
    public void append(String conversationId, ChatMessage message) {
        List<ChatMessage> messages = new ArrayList<>(getMessages(conversationId));
        messages.add(message);
        updateMessages(conversationId, messages);
    }

    @Override
    public void deleteMessages(Object memoryId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM chat_memory WHERE conversation_id = ?")) {
            ps.setString(1, memoryId.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not clear the memory of " + memoryId, e);
        }
    }
}

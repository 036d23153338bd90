package dev.tracelane.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracelane.agent.Citation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A message of a conversation as its history shows it.
 *
 * @param role      user, assistant or alert
 * @param citations what an assistant answer rests on
 * @param alert     the alert, for role alert
 * @param msg       the turn's id, as chat.ack and chat.final gave it, on a user message and its answer
 */
@Serdeable
public record StoredMessage(long seq, String role, String text,
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<Map<String, Object>> citations,
                            @Nullable Map<String, Object> alert, @Nullable String clientMsgId,
                            @Nullable String msg, OffsetDateTime createdAt) {

    /** The citations as the agent made them. */
    public List<Citation> cited() {
        return citations.stream().map(c -> new Citation((String) c.get("ref"), (String) c.get("kind"),
                (String) c.get("at"))).toList();
    }
}

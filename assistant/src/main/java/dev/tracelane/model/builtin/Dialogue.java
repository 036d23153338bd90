package dev.tracelane.model.builtin;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.tracelane.safety.ReferenceGuard;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation so far, as the built-in model reads it for follow-ups. It keeps no state of its own: the
 * memory the agent passes in (persisted in PostgreSQL) is the dialogue state, so a follow-up works after a
 * reconnect or a restart.
 */
final class Dialogue {
    /** The line the chat adds to a customer's system prompt; see {@code ChatTurns}. */
    static final String SHARED_PREFIX = "Shipments shared with this user:";
    private static final Pattern TOOL_REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
    private final List<ChatMessage> earlier;

    /** @param earlier the messages before the one being answered */
    Dialogue(List<ChatMessage> earlier) {
        this.earlier = earlier;
    }

    /** The shipment most recently talked about, or the only one shared with a customer. */
    Optional<String> lastReference() {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            ChatMessage m = earlier.get(i);
            Optional<String> found = Optional.empty();
            if (m instanceof UserMessage user && user.hasSingleText()) {
                found = last(Entities.references(user.singleText()));
            } else if (m instanceof AiMessage ai) {
                if (ai.hasToolExecutionRequests()) {
                    for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                        Matcher matcher = TOOL_REFERENCE.matcher(request.arguments());
                        if (matcher.find()) {
                            found = Optional.of(matcher.group(1));
                        }
                    }
                }
                if (found.isEmpty() && ai.text() != null) {
                    // the help texts' example names no shipment of the user's
                    found = last(Entities.references(ai.text()).stream()
                            .filter(r -> !r.equals(ReferenceGuard.EXAMPLE_REFERENCE)).toList());
                }
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return sharedWithCustomer();
    }

    private Optional<String> sharedWithCustomer() {
        for (ChatMessage m : earlier) {
            if (m instanceof SystemMessage system) {
                for (String line : system.text().split("\n")) {
                    if (line.startsWith(SHARED_PREFIX)) {
                        String[] refs = line.substring(SHARED_PREFIX.length()).strip().split("\\s*,\\s*");
                        if (refs.length == 1 && !refs[0].isBlank()) {
                            return Optional.of(refs[0]);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> last(List<String> references) {
        return references.isEmpty() ? Optional.empty() : Optional.of(references.get(references.size() - 1));
    }
}

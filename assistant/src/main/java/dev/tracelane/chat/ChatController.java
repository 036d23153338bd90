package dev.tracelane.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracelane.agent.Citation;
import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/chat}: one turn answered whole, with the tools it called; {@code GET /api/chat/{id}/messages}:
 * a conversation's history, to its own user only.
 */
@Controller("/api/chat")
@Secured({Roles.CUSTOMER, Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChatController {
    private static final int MAX_HISTORY = 500;
    private final ChatTurns turns;
    private final Conversations conversations;
    private final JsonMapper json;

    public ChatController(ChatTurns turns, Conversations conversations, JsonMapper json) {
        this.turns = turns;
        this.conversations = conversations;
        this.json = json;
    }

    @Serdeable
    public record ChatRequest(@Nullable String conversationId, @Nullable String clientMsgId, @Nullable String text) {
    }

    /**
     * @param toolCalls the tools called, in order, with their arguments (CONTRACT.md), for the caller to see what
     *                  the answer rests on
     * @param tools     their names alone
     */
    @Serdeable
    public record ChatAnswer(String conversationId, String msg, long seq, String text,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<Citation> citations,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<ToolCall> toolCalls,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<String> tools) {
    }

    /** @param arguments the arguments as a JSON object, or as the model's text when that is not JSON */
    @Serdeable
    public record ToolCall(String name, Object arguments) {
    }

    @Post
    public ChatAnswer send(@Body ChatRequest request, Authentication authentication) {
        Collector collector = new Collector();
        turns.run(Caller.of(authentication), request.conversationId(), request.clientMsgId(), request.text(),
                collector).join();
        if (collector.error != null) {
            throw new ChatRefusedException(status(collector.error.get("code")), collector.error.get("message"));
        }
        List<ToolCall> calls = collector.calls.stream()
                .map(c -> new ToolCall(c.getKey(), arguments(c.getValue()))).toList();
        return new ChatAnswer(collector.conversationId, collector.msg, collector.seq, collector.text,
                collector.citations, calls, calls.stream().map(ToolCall::name).toList());
    }

    @Get("/{id}/messages")
    public List<StoredMessage> history(@PathVariable String id, @Nullable @QueryValue Long after,
                                       @Nullable @QueryValue Integer limit, Authentication authentication) {
        Conversation conversation = conversations.find(Caller.of(authentication).username(), id).orElseThrow(
                () -> new HttpStatusException(HttpStatus.NOT_FOUND, "conversation " + id + " not found"));
        if (limit != null && (limit < 1 || limit > MAX_HISTORY) || after != null && after < 0) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit must be 1.." + MAX_HISTORY
                    + " and after a seq, 0 or more");
        }
        int size = limit == null ? 100 : limit;
        return conversations.after(conversation.id(), after == null ? 0 : after, size);
    }

    private Object arguments(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            return text;
        }
    }

    private static HttpStatus status(String code) {
        return switch (code) {
            case "bad_request" -> HttpStatus.BAD_REQUEST;
            case "not_found" -> HttpStatus.NOT_FOUND;
            case "rate_limited" -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** Keeps what a socket would have been sent, for one answer. */
    private static final class Collector implements TurnListener {
        private final List<Map.Entry<String, String>> calls = new ArrayList<>();
        private String conversationId;
        private String msg;
        private long seq;
        private String text;
        private List<Citation> citations = List.of();
        private Map<String, String> error;

        @Override
        public void ack(String clientMsgId, String conversation, String message) {
            conversationId = conversation;
            msg = message;
        }

        @Override
        public void progress(String message, String tool, String label, String state) {
            // the calls themselves come with toolCall
        }

        @Override
        public void toolCall(String message, String tool, String arguments) {
            calls.add(Map.entry(tool, arguments == null ? "" : arguments));
        }

        @Override
        public void delta(String message, int idx, String chunk) {
            // the whole answer comes with fin
        }

        @Override
        public void fin(String message, long stored, String answer, List<Citation> cited) {
            seq = stored;
            text = answer;
            citations = cited;
        }

        @Override
        public void error(String message, String code, String description) {
            error = Map.of("code", code, "message", description);
        }
    }
}

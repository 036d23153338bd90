package dev.tracelane.chat;

import dev.tracelane.agent.Citation;
import dev.tracelane.agent.Prompts;
import dev.tracelane.agent.ShipmentAgent;
import dev.tracelane.agent.TurnContext;
import dev.tracelane.safety.InjectionGuard;
import dev.tracelane.safety.ReferenceGuard;
import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.shipment.Scope;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs one turn of a conversation: checks the message, files it, asks the agent, and reports progress per
 * tool call, the answer as it streams, and the final answer once stored. A message resent with the same
 * {@code clientMsgId} (after a reconnect) is answered once: the stored answer is sent again.
 */
@Singleton
public class ChatTurns {
    private static final Logger LOG = LoggerFactory.getLogger(ChatTurns.class);
    private final Conversations conversations;
    private final ShipmentAgent agent;
    private final Prompts prompts;
    private final InjectionGuard injections;
    private final ReferenceGuard references;
    private final RateLimiter rateLimiter;
    private final ChatLimits limits;
    private final JsonMapper json;

    public ChatTurns(Conversations conversations, ShipmentAgent agent, Prompts prompts, InjectionGuard injections,
                     ReferenceGuard references, RateLimiter rateLimiter, ChatLimits limits, JsonMapper json) {
        this.conversations = conversations;
        this.agent = agent;
        this.prompts = prompts;
        this.injections = injections;
        this.references = references;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.json = json;
    }

    /** @return completes when the final answer or an error has been reported */
    public CompletableFuture<Void> run(Caller caller, String conversationId, String clientMsgId, String text,
                                       TurnListener listener) {
        String msg = "m-" + UUID.randomUUID();
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (text == null || text.isBlank()) {
            return fail(done, listener, msg, "bad_request", "text must not be empty");
        }
        if (Stream.of(text, conversationId, clientMsgId).anyMatch(s -> s != null && s.indexOf('\0') >= 0)) {
            return fail(done, listener, msg, "bad_request", "text and ids must not contain the NUL character (U+0000)");
        }
        if (text.length() > limits.maxTextLength()) {
            return fail(done, listener, msg, "bad_request", "text is longer than " + limits.maxTextLength()
                    + " characters");
        }
        if (!rateLimiter.admit(caller.username())) {
            return fail(done, listener, msg, "rate_limited", "too many messages; wait a minute");
        }
        Optional<Conversation> found = conversationId == null || conversationId.isBlank()
                ? Optional.of(resentFirst(caller, clientMsgId).orElseGet(() -> conversations.start(caller)))
                : conversations.find(caller.username(), conversationId);
        if (found.isEmpty()) {
            return fail(done, listener, msg, "not_found", "conversation " + conversationId + " not found");
        }
        String conversation = found.get().id();
        if (clientMsgId != null) {
            List<StoredMessage> earlier = conversations.answeredBefore(conversation, clientMsgId);
            if (!earlier.isEmpty()) {
                String first = earlier.get(0).msg() == null ? msg : earlier.get(0).msg();
                listener.ack(clientMsgId, conversation, first);
                if (earlier.size() == 2 && "assistant".equals(earlier.get(1).role())) {
                    StoredMessage answer = earlier.get(1);
                    listener.fin(first, answer.seq(), answer.text(), answer.cited());
                    done.complete(null);
                    return done;
                }
                return answer(caller, conversation, text, first, listener, done);
            }
        }
        conversations.append(conversation, "user", text, List.of(), null, clientMsgId, msg);
        listener.ack(clientMsgId, conversation, msg);
        if (injections.suspicious(text)) {
            long seq = conversations.append(conversation, "assistant", InjectionGuard.REFUSAL, List.of(), null, null,
                    msg);
            listener.fin(msg, seq, InjectionGuard.REFUSAL, List.of());
            done.complete(null);
            return done;
        }
        return answer(caller, conversation, text, msg, listener, done);
    }

    /** The conversation a resent first message started already, so it is answered once, not in a new one. */
    private Optional<Conversation> resentFirst(Caller caller, String clientMsgId) {
        return clientMsgId == null || clientMsgId.isBlank() ? Optional.empty()
                : conversations.holding(caller.username(), clientMsgId);
    }

    private CompletableFuture<Void> answer(Caller caller, String conversation, String text, String msg,
                                           TurnListener listener, CompletableFuture<Void> done) {
        TurnContext turn = new TurnContext(caller);
        ReferenceGuard.Filter filter = references.filter(Scope.of(caller), text);
        AtomicInteger idx = new AtomicInteger();
        try {
            agent.chat(conversation, text, system(caller), turn.parameters())
                    .beforeToolExecution(before -> {
                        listener.toolCall(msg, before.request().name(), before.request().arguments());
                        listener.progress(msg, before.request().name(),
                                label(before.request().name(), before.request().arguments()), "started");
                    })
                    .onToolExecuted(execution -> listener.progress(msg, execution.request().name(),
                            label(execution.request().name(), execution.request().arguments()), "done"))
                    .onPartialResponse(chunk -> {
                        String safe = filter.next(chunk);
                        if (!safe.isEmpty()) {
                            listener.delta(msg, idx.getAndIncrement(), safe);
                        }
                    })
                    .onCompleteResponse(response -> {
                        String rest = filter.rest();
                        if (!rest.isEmpty()) {
                            listener.delta(msg, idx.getAndIncrement(), rest);
                        }
                        String answer = filter.clean(response.aiMessage().text());
                        List<Citation> cited = turn.citations();
                        long seq = conversations.append(conversation, "assistant", answer, cited, null, null, msg);
                        listener.fin(msg, seq, answer, cited);
                        done.complete(null);
                    })
                    .onError(error -> {
                        LOG.warn("A chat turn failed", error);
                        fail(done, listener, msg, "model_error", "the assistant could not answer; try again");
                    })
                    .start();
        } catch (RuntimeException e) {
            LOG.warn("A chat turn failed to start", e);
            fail(done, listener, msg, "unavailable", "the assistant is unavailable; try again");
        }
        return done;
    }

    /** The role's prompt, and for a customer the shipments shared with them, so "my order" needs no number. */
    private String system(Caller caller) {
        String system = prompts.system(new ArrayList<>(caller.roles()));
        if (caller.has(Roles.CUSTOMER) && !caller.shipments().isEmpty()) {
            system += "\nShipments shared with this user: " + String.join(", ", caller.shipments());
        }
        return system;
    }

    private String label(String tool, String arguments) {
        String subject = "your shipments";
        try {
            Object reference = json.readValue(arguments, Argument.mapOf(String.class, Object.class)).get("reference");
            if (reference != null && !reference.toString().isBlank()) {
                subject = reference.toString();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Tool arguments that do not read as JSON: {}", arguments);
        }
        return prompts.progress(tool, subject);
    }

    private static CompletableFuture<Void> fail(CompletableFuture<Void> done, TurnListener listener, String msg,
                                                String code, String message) {
        listener.error(msg, code, message);
        done.complete(null);
        return done;
    }
}

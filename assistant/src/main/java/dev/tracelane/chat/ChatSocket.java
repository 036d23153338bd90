package dev.tracelane.chat;

import dev.tracelane.agent.Citation;
import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.websocket.CloseHandshake;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code WS /ws/chat} (CONTRACT.md, "Chat"): {@code chat.send} runs a turn whose progress, deltas and final
 * answer come back on this socket; {@code resume} sends the final answers and alerts stored after
 * {@code lastSeq}. Alerts arrive at any time through {@link ProactiveAlerts}.
 */
@ServerWebSocket("/ws/chat")
@Secured({Roles.CUSTOMER, Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
public class ChatSocket {
    private static final String CALLER = "tracelane.caller";
    private static final int RESUME_LIMIT = 500;
    private final ChatTurns turns;
    private final Conversations conversations;
    private final ChatSessions sessions;
    private final JsonMapper json;

    public ChatSocket(ChatTurns turns, Conversations conversations, ChatSessions sessions, JsonMapper json) {
        this.turns = turns;
        this.conversations = conversations;
        this.sessions = sessions;
        this.json = json;
    }

    @OnOpen
    public void onOpen(WebSocketSession session) {
        Caller caller = Caller.of((Authentication) session.getUserPrincipal().orElseThrow());
        session.put(CALLER, caller);
        sessions.add(session, caller);
    }

    @OnMessage
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void onMessage(String text, WebSocketSession session) {
        Caller caller = session.get(CALLER, Caller.class).orElseThrow();
        Map<String, Object> frame;
        try {
            frame = json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            send(session, ChatFrames.error(null, "bad_request", "expected a JSON object with a type"));
            return;
        }
        Object type = frame.get("type");
        try {
            if ("chat.send".equals(type)) {
                turns.run(caller, string(frame, "conversationId"), string(frame, "clientMsgId"),
                        string(frame, "text"), new SocketListener(session));
            } else if ("resume".equals(type)) {
                resume(caller, string(frame, "conversationId"), lastSeq(frame), session);
            } else {
                send(session, ChatFrames.error(null, "bad_request", "type must be chat.send or resume"));
            }
        } catch (BadField e) {
            send(session, ChatFrames.error(null, "bad_request", e.getMessage()));
        }
    }

    @OnClose
    public void onClose(WebSocketSession session, CloseReason reason) {
        sessions.remove(session);
        CloseHandshake.answer(session, reason);
    }

    private void resume(Caller caller, String conversationId, long after, WebSocketSession session) {
        Optional<Conversation> conversation = conversationId == null ? conversations.latest(caller.username())
                : conversations.find(caller.username(), conversationId);
        if (conversation.isEmpty()) {
            if (conversationId != null) {
                send(session, ChatFrames.error(null, "not_found", "conversation " + conversationId + " not found"));
            }
            return;
        }
        String id = conversation.get().id();
        for (StoredMessage m : conversations.after(id, after, RESUME_LIMIT)) {
            if ("assistant".equals(m.role())) {
                send(session, ChatFrames.fin(m.msg() == null ? "stored-" + m.seq() : m.msg(), m.seq(), m.text(),
                        m.cited(), id));
            } else if ("alert".equals(m.role())) {
                send(session, ChatFrames.alert(m.seq(), id, m.text(), m.alert()));
            }
        }
    }

    private static String string(Map<String, Object> frame, String key) {
        Object value = frame.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new BadField(key + " must be a string");
    }

    /** The resume point: absent means from the start. */
    private static long lastSeq(Map<String, Object> frame) {
        Object value = frame.get("lastSeq");
        if (value == null) {
            return 0;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
            return ((Number) value).longValue();
        }
        throw new BadField("lastSeq must be a whole number, 0 or more");
    }

    /** A field of a client frame with the wrong type: the frame is refused, the socket stays. */
    private static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message, null, false, false);
        }
    }

    private void send(WebSocketSession session, Map<String, Object> frame) {
        if (session.isOpen()) {
            try {
                session.sendSync(json.writeValueAsString(frame));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A turn's messages to this socket; a socket gone meanwhile just misses them (they are stored). */
    private final class SocketListener implements TurnListener {
        private final WebSocketSession session;
        private String conversationId;

        SocketListener(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public void ack(String clientMsgId, String conversation, String msg) {
            conversationId = conversation;
            send(session, ChatFrames.ack(clientMsgId, conversation, msg));
        }

        @Override
        public void progress(String msg, String tool, String label, String state) {
            send(session, ChatFrames.progress(msg, tool, label, state));
        }

        @Override
        public void delta(String msg, int idx, String text) {
            send(session, ChatFrames.delta(msg, idx, text));
        }

        @Override
        public void fin(String msg, long seq, String text, List<Citation> citations) {
            send(session, ChatFrames.fin(msg, seq, text, citations, conversationId));
        }

        @Override
        public void error(String msg, String code, String message) {
            send(session, ChatFrames.error(msg, code, message));
        }
    }
}

package dev.tracelane.tracking.live;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.identity.TokenRevoked;
import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.websocket.CloseHandshake;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketPongMessage;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code WS /ws/live}: dashboards subscribe to topics and get minimal updates as they commit (CONTRACT.md,
 * "Live out"). Opening stays on the event loop, so it completes before the first message is handled;
 * subscribing reads PostgreSQL (scope, replay), hence the blocking executor for messages.
 */
@ServerWebSocket("/ws/live")
@Secured({Roles.CUSTOMER, Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
public class LiveSocket {
    private static final String SUBSCRIBER = "tracelane.live";
    private static final String TRANSPORT = "tracelane.transport";
    private final LiveSubscriptions subscriptions;
    private final LiveLimits limits;
    private final JsonMapper json;
    private final Map<String, Set<WebSocketSession>> bySubject = new ConcurrentHashMap<>();

    public LiveSocket(LiveSubscriptions subscriptions, LiveLimits limits, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.limits = limits;
        this.json = json;
    }

    @OnOpen
    public void onOpen(WebSocketSession session) {
        Authentication user = (Authentication) session.getUserPrincipal().orElseThrow();
        WebSocketTransport transport = new WebSocketTransport(session, limits.idleTimeout());
        session.put(TRANSPORT, transport);
        session.put(SUBSCRIBER, subscriptions.open(Scope.of(Caller.of(user)), transport));
        bySubject.computeIfAbsent(user.getName(), k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** A revoked token's sockets close at once. */
    @EventListener
    void on(TokenRevoked revoked) {
        Set<WebSocketSession> sessions = bySubject.remove(revoked.subject());
        if (sessions != null) {
            sessions.forEach(s -> s.close(TokenRevoked.CLOSE));
        }
    }

    @OnMessage
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void onMessage(String text, WebSocketSession session) {
        session.get(TRANSPORT, WebSocketTransport.class).ifPresent(WebSocketTransport::heard);
        LiveSubscriber subscriber = session.get(SUBSCRIBER, LiveSubscriber.class).orElseThrow();
        if (text.length() > limits.maxFrameChars()) {
            subscriber.sendNow(LiveFrames.error(null, "frame_too_large",
                    "frames are limited to " + limits.maxFrameChars() + " characters"));
            return;
        }
        ClientFrame frame;
        try {
            frame = ClientFrame.parse(json.readValue(text, Argument.mapOf(String.class, Object.class)));
        } catch (IllegalArgumentException e) {
            subscriber.sendNow(LiveFrames.error(null, "bad_request", e.getMessage()));
            return;
        } catch (IOException | RuntimeException e) {
            subscriber.sendNow(LiveFrames.error(null, "bad_request",
                    "expected {\"type\":\"subscribe\"|\"unsubscribe\",\"topics\":[...],\"since\":{...}}"));
            return;
        }
        if (frame.subscribe()
                && subscriber.topics().size() + subscriber.notFollowed(frame.topics()) > limits.maxTopics()) {
            subscriber.sendNow(LiveFrames.error(null, "too_many_topics", "a connection follows at most "
                    + limits.maxTopics() + " topics; none of these was subscribed"));
            return;
        }
        for (String topic : frame.topics()) {
            if (frame.subscribe()) {
                subscriptions.subscribe(subscriber, topic, frame.since().get(topic));
            } else {
                subscriptions.unsubscribe(subscriber, topic);
            }
        }
    }

    @OnMessage
    public void onPong(WebSocketPongMessage pong, WebSocketSession session) {
        session.get(TRANSPORT, WebSocketTransport.class).ifPresent(WebSocketTransport::heard);
    }

    @OnClose
    public void onClose(WebSocketSession session, CloseReason reason) {
        session.get(SUBSCRIBER, LiveSubscriber.class).ifPresent(subscriptions::close);
        session.getUserPrincipal().ifPresent(user -> bySubject.computeIfPresent(user.getName(), (k, open) -> {
            open.remove(session);
            return open.isEmpty() ? null : open;
        }));
        CloseHandshake.answer(session, reason);
    }

    /** A client's {@code subscribe} or {@code unsubscribe}. */
    record ClientFrame(boolean subscribe, List<String> topics, Map<String, Long> since) {
        static ClientFrame parse(Map<String, Object> m) {
            Object type = m.get("type");
            if (!"subscribe".equals(type) && !"unsubscribe".equals(type)) {
                throw new IllegalArgumentException("unknown type " + type);
            }
            List<String> topics = ((List<?>) m.get("topics")).stream().map(String.class::cast).toList();
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("topics is empty: name at least one"); // else nothing answers
            }
            if (topics.stream().anyMatch(t -> t.indexOf('\0') >= 0)) {
                throw new IllegalArgumentException("a topic holds a NUL character"); // no reference can
            }
            Map<String, Long> since = new java.util.HashMap<>();
            if (m.get("since") instanceof Map<?, ?> given) {
                given.forEach((k, v) -> {
                    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
                        throw new IllegalArgumentException("since of " + k + " must be a whole number, 0 or more");
                    }
                    since.put((String) k, ((Number) v).longValue());
                });
            }
            return new ClientFrame("subscribe".equals(type), topics, since);
        }
    }
}

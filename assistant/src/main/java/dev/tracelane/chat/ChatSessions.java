package dev.tracelane.chat;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.TokenRevoked;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open chat sockets and whose they are, so alerts reach every socket of a user who may see them, and a
 * revoked token's sockets can be closed.
 */
@Singleton
public class ChatSessions {
    private static final byte[] PING = "hb".getBytes(StandardCharsets.US_ASCII);
    private final Map<WebSocketSession, Caller> open = new ConcurrentHashMap<>();

    void add(WebSocketSession session, Caller caller) {
        open.put(session, caller);
    }

    void remove(WebSocketSession session) {
        open.remove(session);
    }

    List<WebSocketSession> of(String username) {
        return open.entrySet().stream().filter(e -> e.getValue().username().equals(username))
                .map(Map.Entry::getKey).filter(WebSocketSession::isOpen).toList();
    }

    /**
     * A chat socket may wait quietly for hours for the next alert; the server's idle timeout (5 min) would close
     * it. A ping keeps it open (browsers and clients answer with a pong) and lets a proxy see it alive.
     */
    @Scheduled(fixedDelay = "${tracelane.chat.heartbeat:30s}", initialDelay = "${tracelane.chat.heartbeat:30s}")
    void heartbeat() {
        open.keySet().stream().filter(WebSocketSession::isOpen).forEach(s -> s.sendPingAsync(PING));
    }

    /** A revoked token's sockets close at once. */
    @EventListener
    void on(TokenRevoked revoked) {
        of(revoked.subject()).forEach(s -> s.close(TokenRevoked.CLOSE));
    }
}

package dev.tracelane.tracking.live;

import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Frames to a {@code /ws/live} session; pings as heartbeat, and a peer silent past the idle timeout is closed.
 * Frames go out as Netty text frames over the bytes encoded once in {@link LiveFrame}, which Micronaut's Netty
 * session writes as they are.
 */
final class WebSocketTransport implements LiveTransport {
    private static final byte[] PING = "hb".getBytes(StandardCharsets.US_ASCII);
    private final WebSocketSession session;
    private final Duration idleTimeout;
    private volatile long lastHeardNanos = System.nanoTime();

    WebSocketTransport(WebSocketSession session, Duration idleTimeout) {
        this.session = session;
        this.idleTimeout = idleTimeout;
    }

    /** Anything from the peer, a message or a pong, proves it is alive. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    @Override
    public CompletionStage<?> send(LiveFrame frame, long seq) {
        if (!session.isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException("session closed"));
        }
        return session.sendAsync(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame.utf8())));
    }

    @Override
    public void heartbeat() {
        if (System.nanoTime() - lastHeardNanos > idleTimeout.toNanos()) {
            close(CloseReason.GOING_AWAY.getCode(), "idle: no pong within " + idleTimeout.toSeconds() + " s");
        } else if (session.isOpen()) {
            session.sendPingAsync(PING);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (session.isOpen()) {
            session.close(new CloseReason(code, reason));
        }
    }
}

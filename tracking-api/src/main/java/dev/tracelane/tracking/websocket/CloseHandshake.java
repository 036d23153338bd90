package dev.tracelane.tracking.websocket;

import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;

/**
 * Answers a client's Close frame, as RFC 6455 (5.5.1) requires. Micronaut 4.10 answers it only for sockets
 * without an {@code @OnClose} method; with one, it closes the connection unanswered and the client sees 1006
 * (abnormal closure). Every {@code @OnClose} of ours calls this.
 */
public final class CloseHandshake {
    private CloseHandshake() {
    }

    /** Echoes the client's close while the connection is still up, which is when the client closed first. */
    public static void answer(WebSocketSession session, CloseReason reason) {
        if (session.isOpen()) {
            session.close(answerTo(reason));
        }
    }

    /**
     * The client's own code; 1000 for a Close frame without one (Micronaut reads it as -1, which would go out
     * as 65535) or with a code no endpoint may send (1005, 1006, 1015).
     */
    static CloseReason answerTo(CloseReason received) {
        int code = received.getCode();
        boolean sendable = code >= 1000 && code <= 4999 && code != 1005 && code != 1006 && code != 1015;
        return sendable ? received : CloseReason.NORMAL;
    }
}

package dev.tracelane.tracking.websocket;

import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * Answers a client's Close frame, as RFC 6455 (5.5.1) requires. Micronaut 4.10 answers it only for sockets
 * without an {@code @OnClose} method; with one, it closes the connection unanswered and the client sees 1006
 * (abnormal closure). Every {@code @OnClose} of ours calls this.
 */
public final class CloseHandshake {
    private CloseHandshake() {
    }

    /**
     * Echoes {@code reason} while the connection is still up, which is when the client closed first; a code that
     * may not be sent on the wire (1005 "no status", 1006 "abnormal") is answered with 1000.
     */
    public static void answer(WebSocketSession session, CloseReason reason) {
        if (session.isOpen()) {
            session.close(WebSocketCloseStatus.isValidStatusCode(reason.getCode()) ? reason : CloseReason.NORMAL);
        }
    }
}

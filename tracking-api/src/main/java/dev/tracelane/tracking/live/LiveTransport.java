package dev.tracelane.tracking.live;

import java.util.concurrent.CompletionStage;

/** Where a subscriber's frames go: a WebSocket session or an SSE stream. */
interface LiveTransport {
    /**
     * @param seq the frame's seq (SSE puts it in {@code id:}); the stage completes once the frame is written
     */
    CompletionStage<?> send(LiveFrame frame, long seq);

    /** A keep-alive that also lets a dead peer be noticed. */
    void heartbeat();

    void close(int code, String reason);
}

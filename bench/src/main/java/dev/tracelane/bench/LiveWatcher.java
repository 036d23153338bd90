package dev.tracelane.bench;

import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One dashboard socket on {@code /ws/live} following one topic. For every update it records commit-to-here
 * latency as now minus the reading's {@code ts} (the trackers stamp readings with the wall clock as they send,
 * so this includes the ingest commit). A batch frame is timed by its first, oldest, message: the worst case of
 * the frame. A slow watcher reads its first frame and then stops reading.
 */
final class LiveWatcher implements WebSocket.Listener {
    private final Recorder latency;
    private final boolean slow;
    private final StringBuilder partial = new StringBuilder();
    final AtomicLong frames = new AtomicLong();
    final AtomicInteger closeCode = new AtomicInteger();
    private volatile boolean measuring;

    private LiveWatcher(Recorder latency, boolean slow) {
        this.latency = latency;
        this.slow = slow;
    }

    static CompletableFuture<LiveWatcher> open(HttpClient http, URI base, String token, String topic,
                                               Recorder latency, boolean slow) {
        LiveWatcher watcher = new LiveWatcher(latency, slow);
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/live?access_token=" + token);
        return http.newWebSocketBuilder().buildAsync(uri, watcher).thenCompose(ws -> ws.sendText(
                "{\"type\":\"subscribe\",\"topics\":[" + Json.quote(topic) + "]}", true)).thenApply(ws -> watcher);
    }

    void measure(boolean on) {
        measuring = on;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.currentTimeMillis();
            String frame = partial.toString();
            partial.setLength(0);
            int ts = frame.indexOf("\"ts\":\"");
            if (ts >= 0) {
                frames.incrementAndGet();
                if (measuring) {
                    Instant at = Instant.parse(frame.substring(ts + 6, frame.indexOf('"', ts + 6)));
                    latency.recordValue(Math.max(0, now - at.toEpochMilli()));
                }
            }
            if (slow && frames.get() > 0) {
                return null; // never asks for more: the server sees a reader that stopped
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.set(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.compareAndSet(0, -1);
    }
}

package dev.tracelane.bench;

import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One dashboard socket on {@code /ws/live} following one topic. For every update it records commit-to-here
 * latency as now minus the reading's {@code ts} (the trackers stamp readings with the wall clock as they send,
 * so this includes the ingest commit). A batch frame is timed by its first, oldest, message: the worst case of
 * the frame. A slow watcher stops reading after its first frame for longer than the server's stall limit, then
 * reads on, so it can see how the server closed it (a reader that never reads never sees the close frame).
 */
final class LiveWatcher implements WebSocket.Listener {
    private static final long SLOW_PAUSE_SECONDS = 30;
    private final Recorder latency;
    private final boolean slow;
    private boolean paused;
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
            int key = frame.indexOf("\"ts\":");
            if (key >= 0) {
                frames.incrementAndGet();
                if (measuring) {
                    int open = frame.indexOf('"', key + 5); // the stored JSON may have a space after the colon
                    Instant at = Instant.parse(frame.substring(open + 1, frame.indexOf('"', open + 1)));
                    latency.recordValue(Math.max(0, now - at.toEpochMilli()));
                }
            }
            if (slow && !paused && frames.get() > 0) {
                paused = true;
                CompletableFuture.delayedExecutor(SLOW_PAUSE_SECONDS, TimeUnit.SECONDS)
                        .execute(() -> webSocket.request(Long.MAX_VALUE));
                return null;
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

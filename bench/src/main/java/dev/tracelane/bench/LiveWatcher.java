package dev.tracelane.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
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
final class LiveWatcher implements WebSocketClients.Listener {
    private static final long SLOW_PAUSE_SECONDS = 30;
    private static final ByteBuf TS = Unpooled.unreleasableBuffer(
            Unpooled.copiedBuffer("\"ts\":", StandardCharsets.US_ASCII));
    private final Recorder latency;
    private final boolean slow;
    private boolean paused;
    final AtomicLong frames = new AtomicLong();
    final AtomicInteger closeCode = new AtomicInteger();
    private volatile boolean measuring;

    private LiveWatcher(Recorder latency, boolean slow) {
        this.latency = latency;
        this.slow = slow;
    }

    static CompletableFuture<LiveWatcher> open(WebSocketClients clients, URI base, String token, String topic,
                                               Recorder latency, boolean slow) {
        LiveWatcher watcher = new LiveWatcher(latency, slow);
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/live?access_token=" + token);
        return clients.open(uri, watcher).thenApply(channel -> {
            channel.writeAndFlush(new TextWebSocketFrame(
                    "{\"type\":\"subscribe\",\"topics\":[" + Json.quote(topic) + "]}"));
            return watcher;
        });
    }

    void measure(boolean on) {
        measuring = on;
    }

    @Override
    public void onText(Channel channel, ByteBuf content) {
        long now = System.currentTimeMillis();
        Instant at = firstTimestamp(content);
        if (at != null) {
            frames.incrementAndGet();
            if (measuring) {
                latency.recordValue(Math.max(0, now - at.toEpochMilli()));
            }
        }
        if (slow && !paused && frames.get() > 0) {
            paused = true;
            channel.config().setAutoRead(false);
            channel.eventLoop().schedule(() -> channel.config().setAutoRead(true), SLOW_PAUSE_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    @Override
    public void onClose(int code) {
        closeCode.compareAndSet(0, code);
    }

    /** The first {@code "ts":"..."} of a frame, read from its bytes; null when it has none. */
    static Instant firstTimestamp(ByteBuf frame) {
        int key = ByteBufUtil.indexOf(TS, frame);
        if (key < 0) {
            return null;
        }
        int end = frame.writerIndex();
        int open = frame.indexOf(key + TS.readableBytes(), end, (byte) '"'); // the stored JSON may have a space
        int close = frame.indexOf(open + 1, end, (byte) '"');
        return Instant.parse(frame.toString(open + 1, close - open - 1, StandardCharsets.US_ASCII));
    }
}

package dev.tracelane.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One dashboard socket on {@code /ws/live} following one topic. For every update it records send-to-here
 * latency as now minus the reading's {@code ts} (the trackers stamp readings with the wall clock as they send,
 * so this includes ingestion), and hands the arrival to the {@link CommitClock}, which times it from the
 * reading's commit. A batch frame is timed by its first, oldest, message: the worst case of the frame. A slow
 * watcher stops reading after its first frame for longer than the server's stall limit, then reads on, so it can see how the server closed it (a reader that never reads never sees the close frame).
 */
final class LiveWatcher implements WebSocketClients.Listener {
    /**
     * Long enough to fill the kernel's socket buffers on both sides (several MB) at the fleet's 70 bytes per
     * update, so the server's own queue backs up; shorter than its 60-s idle timeout, so a close for being slow
     * (4008) is told from one for being silent (1001).
     */
    private static final long SLOW_PAUSE_SECONDS = 55;
    private final Timing timing;
    private final boolean slow;
    private boolean paused;
    final AtomicLong frames = new AtomicLong();
    final AtomicInteger closeCode = new AtomicInteger();
    /** Bytes and position updates of the frames read whole while measuring (only with {@code everyUpdate}). */
    final AtomicLong wholeFrameBytes = new AtomicLong();
    final AtomicLong wholeFrameUpdates = new AtomicLong();
    private volatile boolean measuring;

    /**
     * Where a watcher's timings go.
     *
     * @param sent        send-to-here of each frame's first reading
     * @param firstOfFrame arrivals of each frame's first reading, for commit-to-here
     * @param everyUpdate  arrivals of every reading in a frame, or null to skip that (it parses every update)
     */
    record Timing(Recorder sent, CommitClock commits, CommitClock.Arrivals firstOfFrame,
                  CommitClock.Arrivals everyUpdate) {
    }

    private LiveWatcher(Timing timing, boolean slow) {
        this.timing = timing;
        this.slow = slow;
    }

    static CompletableFuture<LiveWatcher> open(WebSocketClients clients, URI base, String token, String topic,
                                               Timing timing, boolean slow) {
        LiveWatcher watcher = new LiveWatcher(timing, slow);
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
        FrameText.Reading reading = FrameText.firstReading(content);
        if (reading != null) {
            frames.incrementAndGet();
            if (measuring) {
                long ts = reading.ts().toEpochMilli();
                timing.sent().recordValue(Math.max(0, now - ts));
                timing.commits().arrived(timing.firstOfFrame(), reading.ref(), ts, now);
                if (timing.everyUpdate() != null) {
                    List<FrameText.Reading> readings = FrameText.readings(content);
                    for (FrameText.Reading r : readings) {
                        timing.commits().arrived(timing.everyUpdate(), r.ref(), r.ts().toEpochMilli(), now);
                    }
                    wholeFrameBytes.addAndGet(content.readableBytes());
                    wholeFrameUpdates.addAndGet(readings.size());
                }
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
}

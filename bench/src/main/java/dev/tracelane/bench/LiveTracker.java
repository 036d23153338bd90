package dev.tracelane.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A moving truck for the live bench: one reading per call, stamped with the wall clock to the millisecond (as
 * the service stores it). The time to each ack is recorded, and the commit time each ack carries goes to the
 * {@link CommitClock}, so the bench can tell ingest delay from fan-out delay.
 */
final class LiveTracker implements WebSocketClients.Listener {
    private final double lat0;
    private final double lon;
    private final Recorder ackLatency;
    private final int index;
    private final CommitClock commits;
    private final ArrayDeque<Long> unacked = new ArrayDeque<>();
    private Channel channel;
    private ChannelFuture sending;
    private long sequence;
    private long skipped;

    private LiveTracker(double lat0, double lon, Recorder ackLatency, int index, CommitClock commits) {
        this.lat0 = lat0;
        this.lon = lon;
        this.ackLatency = ackLatency;
        this.index = index;
        this.commits = commits;
    }

    /** @param index the tracker's shipment, as {@code commits} numbers them */
    static CompletableFuture<LiveTracker> open(WebSocketClients clients, URI base, String token, double lat,
                                               double lon, Recorder ackLatency, int index, CommitClock commits) {
        LiveTracker tracker = new LiveTracker(lat, lon, ackLatency, index, commits);
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/trackers?token=" + token);
        return clients.open(uri, tracker).thenApply(channel -> {
            tracker.channel = channel;
            return tracker;
        });
    }

    /** Sends the next reading, 25 m further north than the last; skipped while the previous one is unsent. */
    synchronized void report() {
        if (sending != null && !sending.isDone()) {
            skipped++;
            return;
        }
        long n = sequence++;
        long now = System.currentTimeMillis();
        unacked.add(now);
        sending = channel.writeAndFlush(new TextWebSocketFrame(String.format(Locale.ROOT,
                "{\"id\":\"%d\",\"ts\":\"%s\",\"lat\":%.6f,\"lon\":%.6f,\"speed\":25}",
                n, Instant.ofEpochMilli(now), lat0 + 0.02 + n * 0.000225, lon)));
    }

    synchronized long skipped() {
        return skipped;
    }

    /** The server acks each reading once committed, in order. */
    @Override
    public synchronized void onText(Channel channel, ByteBuf content) {
        Long sent = unacked.poll();
        if (sent != null) {
            ackLatency.recordValue(Math.max(0, System.currentTimeMillis() - sent));
            Instant committedAt = FrameText.committedAt(content);
            if (committedAt != null) {
                commits.committed(index, sent, committedAt.toEpochMilli());
            }
        }
    }
}

package dev.tracelane.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One tracker's socket. Closed loop (no rate): keeps {@code inFlight} batches unanswered and sends the next one
 * as soon as one is fully answered. Scheduled: {@link #tick()} sends a batch whenever the schedule says so,
 * whatever is still unanswered, so a slow service shows up as latency rather than as less offered load.
 * A dropped socket is reopened after a pause; what was in flight on it counts as unanswered and is not resent.
 */
final class TrackerConnection implements WebSocket.Listener {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long RECONNECT_DELAY_MILLIS = 1000;
    /** After a "resend later" refusal a closed-loop socket pauses instead of hammering a saturated service. */
    private static final long BACKOFF_MILLIS = 50;
    private static final Set<String> RESEND_LATER = Set.of("rate_limited", "overloaded", "unavailable");

    private final URI uri;
    private final HttpClient http;
    private final EventFrames frames;
    private final Options options;
    private final Stats stats;
    private final ScheduledExecutorService scheduler;

    /** Keyed by first sequence number, so an event id finds its batch with one floor lookup. */
    private final TreeMap<Long, PendingBatch> pending = new TreeMap<>();
    private final StringBuilder partialFrame = new StringBuilder();
    private WebSocket socket;
    /** Sends chained one after the other: a JDK WebSocket allows one outstanding send at a time. */
    private CompletableFuture<WebSocket> sends;
    private long nextSeq = 1;
    private boolean opened;
    private boolean started;
    private boolean stopped;

    TrackerConnection(URI uri, HttpClient http, EventFrames frames, Options options, Stats stats,
                      ScheduledExecutorService scheduler) {
        this.uri = uri;
        this.http = http;
        this.frames = frames;
        this.options = options;
        this.stats = stats;
        this.scheduler = scheduler;
    }

    CompletableFuture<WebSocket> connect() {
        return http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, this);
    }

    synchronized void start() {
        started = true;
        if (options.closedLoop()) {
            fill();
        }
    }

    /** One step of a rate schedule. */
    synchronized void tick() {
        sendBatch();
    }

    synchronized void stop() {
        stopped = true;
    }

    synchronized boolean idle() {
        return pending.isEmpty();
    }

    /** Gives up on whatever is still unanswered. */
    synchronized int abandon() {
        int events = pending.values().stream().mapToInt(PendingBatch::unanswered).sum();
        pending.clear();
        return events;
    }

    synchronized CompletableFuture<?> close() {
        return sends == null ? CompletableFuture.completedFuture(null)
                : sends.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bench done"));
    }

    synchronized void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    @Override
    public void onOpen(WebSocket ws) {
        synchronized (this) {
            if (stopped) {
                ws.abort();
                return;
            }
            socket = ws;
            sends = CompletableFuture.completedFuture(ws);
            partialFrame.setLength(0);
            if (opened) {
                stats.reconnected();
            }
            opened = true;
            if (started && options.closedLoop()) {
                fill();
            }
        }
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long now = System.nanoTime();
        ws.request(1);
        String text;
        if (last && partialFrame.isEmpty()) {
            text = data.toString();
        } else {
            partialFrame.append(data);
            if (!last) {
                return null;
            }
            text = partialFrame.toString();
            partialFrame.setLength(0);
        }
        received(ws, ServerFrame.parse(text), now);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        dropped(ws);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        dropped(ws);
    }

    private void fill() {
        while (!stopped && socket != null && pending.size() < options.inFlight()) {
            sendBatch();
        }
    }

    private void sendBatch() {
        if (stopped) {
            return;
        }
        if (socket == null) {
            stats.notSent(options.batch());
            return;
        }
        long first = nextSeq;
        nextSeq += options.batch();
        String frame = frames.batch(first, options.batch());
        long now = System.nanoTime();
        pending.put(first, new PendingBatch(first, options.batch(), now));
        stats.sent(options.batch(), now);
        WebSocket ws = socket;
        sends = sends.thenCompose(open -> open.sendText(frame, true));
        sends.whenComplete((open, failure) -> {
            if (failure != null) {
                dropped(ws);
            }
        });
    }

    private synchronized void received(WebSocket ws, ServerFrame frame, long nowNanos) {
        if (ws != socket) {
            return;
        }
        if (frame instanceof ServerFrame.Ack ack) {
            PendingBatch batch = batchOf(ack.firstId());
            if (batch == null) {
                // once stopped, late acks belong to batches already given up on and counted as unanswered
                if (!stopped) {
                    stats.error("(ack for no pending batch)");
                }
                return;
            }
            batch.acked(ack.count());
            stats.acked(ack.count(), batch.sentNanos(), nowNanos);
            settleIfComplete(batch);
        } else if (frame instanceof ServerFrame.Refusal refusal) {
            stats.error(refusal.code());
            // a refusal without an id covers a whole frame (e.g. frame_too_large): its batch stays unanswered
            PendingBatch batch = refusal.id() == null ? null : batchOf(refusal.id());
            if (batch != null) {
                batch.refused(RESEND_LATER.contains(refusal.code()));
                settleIfComplete(batch);
            }
        } else {
            stats.error("(unexpected frame)");
        }
    }

    private PendingBatch batchOf(String eventId) {
        long seq;
        try {
            seq = Long.parseLong(eventId);
        } catch (NumberFormatException e) {
            return null;
        }
        Map.Entry<Long, PendingBatch> entry = pending.floorEntry(seq);
        return entry != null && entry.getValue().covers(seq) ? entry.getValue() : null;
    }

    private void settleIfComplete(PendingBatch batch) {
        if (!batch.complete()) {
            return;
        }
        pending.remove(batch.firstSeq());
        if (!options.closedLoop()) {
            return;
        }
        if (batch.resendLater()) {
            scheduler.schedule(this::refill, BACKOFF_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            fill();
        }
    }

    private synchronized void refill() {
        fill();
    }

    private void dropped(WebSocket ws) {
        synchronized (this) {
            if (ws != socket) {
                return;
            }
            socket = null;
            sends = null;
            stats.unanswered(abandon());
            if (stopped) {
                return;
            }
            stats.disconnected();
        }
        ws.abort();
        scheduler.schedule(this::reconnect, RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void reconnect() {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        connect().exceptionally(failure -> {
            scheduler.schedule(this::reconnect, RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        });
    }
}

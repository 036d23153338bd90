package dev.tracelane.bench.replay;

import dev.tracelane.bench.ServerFrame;
import dev.tracelane.bench.Stats;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One trip's tracker socket on {@code /ws/trackers}, with one batch in flight: the replay waits for each step's
 * acks before the next, so the service has stored everything up to "now" whenever it is asked for an ETA.
 * Events refused with a "resend later" code are resent a few times; other refusals are counted and dropped.
 */
final class ReplaySocket implements WebSocket.Listener {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> RESEND_LATER = Set.of("rate_limited", "overloaded", "unavailable");
    private static final int MAX_RESENDS = 5;
    private static final long RESEND_DELAY_MILLIS = 100;

    private final Stats stats;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private Batch batch;

    /** The batch in flight. An event's id is its timestamp, so a duplicate ping is the same event twice. */
    private static final class Batch {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final Map<String, String> eventsById = new LinkedHashMap<>();
        final List<String> resend = new ArrayList<>();
        int size;
        int answered;
        int resends;
        long sentNanos;
    }

    private ReplaySocket(Stats stats) {
        this.stats = stats;
    }

    static CompletableFuture<ReplaySocket> open(HttpClient http, URI base, String deviceToken, Stats stats) {
        ReplaySocket replay = new ReplaySocket(stats);
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/trackers?token="
                + ApiClient.encode(deviceToken));
        return http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, replay).thenApply(ws -> {
            synchronized (replay) {
                replay.socket = ws;
            }
            return replay;
        });
    }

    /** Sends the pings as one frame; completes once every event is acked or refused for good. */
    synchronized CompletableFuture<Void> send(List<Ping> pings) {
        if (batch != null && !batch.done.isDone()) {
            throw new IllegalStateException("a replay socket sends one batch at a time");
        }
        batch = new Batch();
        List<String> frame = new ArrayList<>(pings.size());
        for (Ping p : pings) {
            String event = event(p);
            batch.eventsById.put(Long.toString(p.ts()), event);
            frame.add(event);
        }
        transmit(batch, frame);
        return batch.done;
    }

    void close() {
        WebSocket ws;
        synchronized (this) {
            ws = socket;
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "replay done").orTimeout(5, TimeUnit.SECONDS)
                .whenComplete((closed, failure) -> ws.abort());
    }

    void abort() {
        WebSocket ws;
        synchronized (this) {
            ws = socket;
        }
        ws.abort();
    }

    static String event(Ping p) {
        StringBuilder json = new StringBuilder(128).append("{\"id\":\"").append(p.ts()).append("\",\"ts\":\"")
                .append(Instant.ofEpochSecond(p.ts())).append("\",\"lat\":")
                .append(String.format(Locale.ROOT, "%.6f,\"lon\":%.6f", p.lat(), p.lon()));
        if (p.speed() != null) {
            json.append(String.format(Locale.ROOT, ",\"speed\":%.1f", p.speed()));
        }
        if (p.temperature() != null) {
            json.append(String.format(Locale.ROOT, ",\"temperature\":%.1f", p.temperature()));
        }
        return json.append('}').toString();
    }

    private void transmit(Batch b, List<String> events) {
        b.size = events.size();
        b.answered = 0;
        b.sentNanos = System.nanoTime();
        stats.sent(events.size(), b.sentNanos);
        socket.sendText("[" + String.join(",", events) + "]", true).whenComplete((ws, failure) -> {
            if (failure != null) {
                b.done.completeExceptionally(failure);
            }
        });
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long now = System.nanoTime();
        ws.request(1);
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            answered(ServerFrame.parse(text), now);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        failBatch(new IOException("the service closed the socket: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        failBatch(error);
    }

    private synchronized void failBatch(Throwable why) {
        if (batch != null) {
            batch.done.completeExceptionally(why);
        }
    }

    private synchronized void answered(ServerFrame frame, long nowNanos) {
        Batch b = batch;
        if (b == null || b.done.isDone()) {
            stats.error("(answer for no batch)");
            return;
        }
        if (frame instanceof ServerFrame.Ack ack) {
            b.answered += ack.count();
            stats.acked(ack.count(), b.sentNanos, nowNanos);
        } else if (frame instanceof ServerFrame.Refusal refusal) {
            if (refusal.id() == null) {
                stats.error(refusal.code());
                b.answered = b.size; // the whole frame was refused
            } else if (RESEND_LATER.contains(refusal.code()) && b.resends < MAX_RESENDS) {
                b.resend.add(refusal.id());
                b.answered++;
            } else {
                stats.error(refusal.code());
                b.answered++;
            }
        } else {
            stats.error("(unexpected frame)");
            return;
        }
        if (b.answered < b.size) {
            return;
        }
        if (b.resend.isEmpty()) {
            b.done.complete(null);
            return;
        }
        b.resends++;
        List<String> again = b.resend.stream().distinct().map(b.eventsById::get).toList();
        b.resend.clear();
        CompletableFuture.delayedExecutor(RESEND_DELAY_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            synchronized (this) {
                if (!b.done.isDone()) {
                    transmit(b, again);
                }
            }
        });
    }
}

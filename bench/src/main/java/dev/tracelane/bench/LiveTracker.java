package dev.tracelane.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A moving truck for the live bench: one reading per call, stamped with the wall clock; acks are read and dropped. */
final class LiveTracker implements WebSocket.Listener {
    private final double lat0;
    private final double lon;
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);
    private long sequence;
    private long skipped;

    private LiveTracker(double lat0, double lon) {
        this.lat0 = lat0;
        this.lon = lon;
    }

    static CompletableFuture<LiveTracker> open(HttpClient http, URI base, String token, double lat, double lon) {
        LiveTracker tracker = new LiveTracker(lat, lon);
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/trackers?token=" + token);
        return http.newWebSocketBuilder().buildAsync(uri, tracker).thenApply(ws -> {
            tracker.socket = ws;
            return tracker;
        });
    }

    /** Sends the next reading, 25 m further north than the last; skipped while the previous one is unsent. */
    synchronized void report() {
        if (!sending.isDone()) {
            skipped++;
            return;
        }
        long n = sequence++;
        sending = socket.sendText(String.format(Locale.ROOT,
                "{\"id\":\"%d\",\"ts\":\"%s\",\"lat\":%.6f,\"lon\":%.6f,\"speed\":25}",
                n, Instant.now(), lat0 + 0.02 + n * 0.000225, lon), true);
    }

    synchronized long skipped() {
        return skipped;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        webSocket.request(1);
        return null;
    }
}

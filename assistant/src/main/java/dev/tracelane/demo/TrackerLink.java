package dev.tracelane.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One demo truck's connection to {@code /ws/trackers}, behaving like a real store-and-forward device: events
 * wait in a buffer until acked, unacked ones are resent after a while (duplicates are harmless), and a dropped
 * socket is reopened on the next flush.
 */
final class TrackerLink {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerLink.class);
    private static final Pattern ACKED_IDS = Pattern.compile("\"ids\":\\[(.*?)]");
    private static final int MAX_BATCH = 200;
    private static final long RESEND_AFTER_MS = 15_000;

    private final HttpClient http;
    private final URI uri;
    private final Map<String, Pending> unacked = new LinkedHashMap<>();
    private WebSocket socket;
    private boolean connecting;

    private record Pending(String json, long sentAtMs) {
    }

    TrackerLink(HttpClient http, URI uri) {
        this.http = http;
        this.uri = uri;
    }

    synchronized void queue(String id, String json) {
        unacked.put(id, new Pending(json, 0));
    }

    /** Sends what was never sent, and what was sent long ago without an ack. */
    synchronized void flush(long nowMs) {
        if (socket == null) {
            connect();
            return;
        }
        List<String> batch = new ArrayList<>();
        for (Map.Entry<String, Pending> e : unacked.entrySet()) {
            if (nowMs - e.getValue().sentAtMs() >= RESEND_AFTER_MS) {
                batch.add(e.getValue().json());
                e.setValue(new Pending(e.getValue().json(), nowMs));
                if (batch.size() == MAX_BATCH) {
                    send(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
    }

    synchronized boolean connected() {
        return socket != null;
    }

    /** Every queued event has been acked. */
    synchronized boolean drained() {
        return unacked.isEmpty();
    }

    synchronized void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "demo over");
        }
    }

    private void send(List<String> batch) {
        socket.sendText("[" + String.join(",", batch) + "]", true).exceptionally(e -> {
            dropped();
            return null;
        });
    }

    private void connect() {
        if (connecting) {
            return;
        }
        connecting = true;
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, new Listener())
                .whenComplete((ws, failure) -> {
                    synchronized (this) {
                        connecting = false;
                        if (failure == null) {
                            socket = ws;
                        } else {
                            LOG.debug("demo tracker could not connect: {}", failure.toString());
                        }
                    }
                });
    }

    private synchronized void acked(String frame) {
        Matcher m = ACKED_IDS.matcher(frame);
        if (m.find() && !m.group(1).isEmpty()) {
            for (String id : m.group(1).split(",")) {
                unacked.remove(id.substring(1, id.length() - 1));
            }
        }
    }

    private synchronized void dropped() {
        socket = null;
        unacked.replaceAll((id, p) -> new Pending(p.json(), 0));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.contains("\"ack\"")) {
                    acked(frame);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            dropped();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            dropped();
        }
    }
}

package dev.tracelane.bench;

import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Where is it now" (QUALITY.md): {@code GET /api/shipments/{ref}} latency while {@code tracking_events} holds
 * millions of positions. It stores {@code --history} readings for each of its shipments through the tracker
 * socket, then has {@code --concurrency} clients ask for random shipments, each waiting for its answer, and
 * reports the latency percentiles. Fill the table first (for example with {@link IngestBench}) to measure at
 * scale; {@code --jdbc} reports how many positions it held.
 */
public final class LocateBench {
    private static final int BATCH = 500;
    private static final long READING_SECONDS = 5;

    private LocateBench() {
    }

    public static void main(String[] args) throws Exception {
        LocateOptions o;
        try {
            o = LocateOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LocateOptions.USAGE);
            System.exit(2);
            return;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AdminApi admin = AdminApi.login(http, o.url(), o.adminPassword());
        String run = "locate-" + Long.toString(System.currentTimeMillis(), 36);
        admin.createOrg(run + "-s", "locate bench shipper");
        admin.createOrg(run + "-c", "locate bench carrier");
        List<TrackerCredentials> trackers = new TrackerRegistration(admin, System.err).register(run + "-c",
                o.shipments());
        List<String> references = admin.createShipments("LOC", run + "-s", run + "-c", trackers);
        String token = admin.coordinatorToken(run + "-c");
        storeHistory(http, o, trackers);
        if (o.jdbcUrl() != null) {
            System.err.printf("positions stored: %,d%n", RowCounter.all(o.jdbcUrl(), o.dbUser(), o.dbPassword()));
        }

        Recorder latency = new Recorder(3);
        AtomicLong failures = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(o.concurrency());
        for (int c = 0; c < o.concurrency(); c++) {
            clients.execute(() -> ask(http, o.url(), token, references, latency, failures, running));
        }
        Thread.sleep(o.warmupSeconds() * 1000L);
        latency.reset();
        failures.set(0);
        Thread.sleep(o.durationSeconds() * 1000L);
        LatencySummary s = LatencySummary.of(latency.getIntervalHistogram());
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "Tracelane locate bench: GET /api/shipments/{ref}, %d shipments with %,d readings"
                        + " each, %d clients, %d s measured%n", references.size(), o.history(), o.concurrency(),
                o.durationSeconds());
        System.out.printf(Locale.ROOT, "  %,d answers (%.0f/s): p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms"
                        + "  max %.2f ms; %d failed%n", s.batches(), s.batches() / (double) o.durationSeconds(), s.p50(),
                s.p90(), s.p99(), s.p999(), s.max(), failures.get());
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    /** Each tracker sends its readings, five seconds apart and ending now, in acked batches. */
    private static void storeHistory(HttpClient http, LocateOptions o, List<TrackerCredentials> trackers) {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        AtomicLong done = new AtomicLong();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < trackers.size(); i++) {
            TrackerCredentials tracker = trackers.get(i);
            Origin origin = Origin.of(i);
            all.add(CompletableFuture.runAsync(() -> {
                send(http, o, tracker, origin);
                long n = done.incrementAndGet();
                if (n % 50 == 0 || n == trackers.size()) {
                    System.err.printf("history stored for %d/%d shipments%n", n, trackers.size());
                }
            }, senders));
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            senders.shutdownNow();
        }
    }

    private static void send(HttpClient http, LocateOptions o, TrackerCredentials tracker, Origin origin) {
        AckListener acks = new AckListener();
        URI uri = URI.create(o.url().toString().replaceFirst("^http", "ws") + "/ws/trackers?token=" + tracker.token());
        WebSocket socket = http.newWebSocketBuilder().buildAsync(uri, acks).join();
        Instant first = Instant.now().minusSeconds(READING_SECONDS * o.history());
        for (int from = 0; from < o.history(); from += BATCH) {
            StringBuilder batch = new StringBuilder("[");
            for (int k = from; k < Math.min(o.history(), from + BATCH); k++) {
                batch.append(k == from ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"id\":\"%d\",\"ts\":\"%s\",\"lat\":%.6f,\"lon\":%.6f}", k,
                        first.plusSeconds(READING_SECONDS * k), origin.lat() + k * 0.0001, origin.lon()));
            }
            CompletableFuture<String> answer = acks.next();
            socket.sendText(batch.append(']'), true).join();
            String frame = answer.orTimeout(60, TimeUnit.SECONDS).join();
            if (!frame.contains("\"ack\"")) {
                throw new IllegalStateException(tracker.id() + " got " + frame);
            }
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** Hands each server frame to whoever waits for the next one: one batch is in flight at a time. */
    private static final class AckListener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<String> waiting = new CompletableFuture<>();

        synchronized CompletableFuture<String> next() {
            waiting = new CompletableFuture<>();
            return waiting;
        }

        @Override
        public synchronized CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            waiting.completeExceptionally(new IllegalStateException("closed by the server: " + statusCode + " "
                    + reason));
            return null;
        }

        @Override
        public synchronized void onError(WebSocket socket, Throwable error) {
            waiting.completeExceptionally(error);
        }

        @Override
        public synchronized CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                waiting.complete(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    private static void ask(HttpClient http, URI base, String token, List<String> references, Recorder latency,
                            AtomicLong failures, AtomicBoolean running) {
        while (running.get()) {
            String reference = references.get(ThreadLocalRandom.current().nextInt(references.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/shipments/" + reference))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long micros = (System.nanoTime() - started) / 1_000;
                if (response.statusCode() == 200 && response.body().contains("\"lastPosition\"")) {
                    latency.recordValue(micros);
                } else {
                    failures.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        }
    }
}

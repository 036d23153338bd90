package dev.tracelane.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one scenario: opens every tracker socket, starts the load, measures after warm-up, then stops sending and
 * waits a bounded time for the last acks before closing.
 */
final class LoadDriver {
    /** Handshakes in progress at once, so opening thousands of sockets does not stall the service's event loops. */
    private static final int CONNECT_CONCURRENCY = 64;
    private static final long PROGRESS_SECONDS = 5;
    private static final long CLOSE_SECONDS = 5;
    /** Events start an hour back so that a tracker at 5,000 events/s for the longest run stays in the past. */
    private static final long HISTORY_MILLIS = TimeUnit.HOURS.toMillis(1);

    private final Options options;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final PrintStream log;

    LoadDriver(Options options, HttpClient http, ScheduledExecutorService scheduler, PrintStream log) {
        this.options = options;
        this.http = http;
        this.scheduler = scheduler;
        this.log = log;
    }

    Stats run(List<TrackerCredentials> trackers) throws InterruptedException {
        Stats stats = new Stats();
        List<TrackerConnection> connections = open(trackers, stats);
        long start = System.nanoTime();
        long measureStart = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        MeasurementWindow window = new MeasurementWindow(measureStart,
                measureStart + TimeUnit.SECONDS.toNanos(options.durationSeconds()));
        stats.begin(window);
        List<ScheduledFuture<?>> schedules = startLoad(connections);
        ScheduledFuture<?> progress = scheduler.scheduleAtFixedRate(new ProgressLog(stats, start, log),
                PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        sleepUntil(window.endNanos());
        schedules.forEach(schedule -> schedule.cancel(false));
        connections.forEach(TrackerConnection::stop);
        drain(connections);
        progress.cancel(false);
        connections.forEach(connection -> stats.unanswered(connection.abandon()));
        close(connections);
        return stats;
    }

    private List<TrackerConnection> open(List<TrackerCredentials> trackers, Stats stats) throws InterruptedException {
        long baseMillis = System.currentTimeMillis() - HISTORY_MILLIS;
        Semaphore handshakes = new Semaphore(CONNECT_CONCURRENCY);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<TrackerConnection> connections = new ArrayList<>(trackers.size());
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>(trackers.size());
        for (int i = 0; i < trackers.size() && failure.get() == null; i++) {
            TrackerConnection connection = new TrackerConnection(socketUri(trackers.get(i)), http,
                    new EventFrames(baseMillis, i), options, stats, scheduler);
            connections.add(connection);
            handshakes.acquire();
            opening.add(connection.connect().whenComplete((ws, error) -> {
                handshakes.release();
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            }));
        }
        try {
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
        }
        if (failure.get() != null) {
            throw new IllegalStateException("could not open a tracker socket: " + failure.get(), failure.get());
        }
        log.printf("opened %d tracker sockets%n", connections.size());
        return connections;
    }

    private URI socketUri(TrackerCredentials tracker) {
        return URI.create("ws" + options.url().toString().substring("http".length()) + "/ws/trackers?token="
                + URLEncoder.encode(tracker.token(), StandardCharsets.UTF_8));
    }

    /** Scheduled trackers are spread evenly over one interval so their batches do not arrive in bursts. */
    private List<ScheduledFuture<?>> startLoad(List<TrackerConnection> connections) {
        connections.forEach(TrackerConnection::start);
        if (options.closedLoop()) {
            return List.of();
        }
        long interval = options.intervalNanos();
        List<ScheduledFuture<?>> schedules = new ArrayList<>(connections.size());
        for (int i = 0; i < connections.size(); i++) {
            schedules.add(scheduler.scheduleAtFixedRate(connections.get(i)::tick,
                    interval * i / connections.size(), interval, TimeUnit.NANOSECONDS));
        }
        return schedules;
    }

    private void drain(List<TrackerConnection> connections) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
        while (System.nanoTime() - deadline < 0 && !connections.stream().allMatch(TrackerConnection::idle)) {
            Thread.sleep(50);
        }
    }

    private void close(List<TrackerConnection> connections) throws InterruptedException {
        CompletableFuture<?>[] closing = connections.stream().map(TrackerConnection::close)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.println("some sockets did not close cleanly: " + e);
        }
        connections.forEach(TrackerConnection::abort);
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}

package dev.tracelane.bench.replay;

import dev.tracelane.bench.Stats;
import dev.tracelane.bench.TrackerCredentials;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Replays a data set through {@code /ws/trackers}, all trips merged in one event-time order. The service's
 * monitors take the newest reading they have seen as "now", so trips replayed one after another would look
 * hours silent to each other; instead the replay steps through time (20 s at a time by default): each tracker
 * sends that step's pings as one batch, every ack is awaited, then the next step. Within a step the trackers'
 * batches race each other, so the service sees them up to a step apart in event time: the step is kept well
 * under a sampling interval, or a tracker one reading late would look silent. A ping is due in the step it was
 * sent, which for a late ping is after newer ones (see {@link Ping}). Each trip's socket is open from its
 * first step to its last, so only the trucks on the road hold one.
 */
final class Replayer {
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);
    /** Steps in a row where nothing was acked: the service is gone, stop rather than time out for hours. */
    private static final int MAX_DEAD_STEPS = 3;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Called after a step's acks are in, before the next step is sent. */
    interface StepListener {
        /** @param stepStart the step's first second, epoch seconds */
        void afterStep(long stepStart) throws IOException, InterruptedException;
    }

    private final HttpClient http;
    private final URI base;
    private final Stats stats;
    private final PrintStream log;
    private final int stepSeconds;

    Replayer(HttpClient http, URI base, Stats stats, PrintStream log, int stepSeconds) {
        this.http = http;
        this.base = base;
        this.stats = stats;
        this.log = log;
        this.stepSeconds = stepSeconds;
    }

    /** The first second (epoch seconds) of the step that holds {@code ts}. */
    static long stepStart(long ts, int stepSeconds) {
        return Math.floorDiv(ts, stepSeconds) * stepSeconds;
    }

    /**
     * The steps of the replay (by their first second) and, in each, every trip's pings due then, in file order.
     * Trips are named by their index in {@code trips}.
     */
    static NavigableMap<Long, Map<Integer, List<Ping>>> steps(List<TripData> trips, int stepSeconds) {
        NavigableMap<Long, Map<Integer, List<Ping>>> steps = new TreeMap<>();
        for (int i = 0; i < trips.size(); i++) {
            long sentAt = Long.MIN_VALUE;
            for (Ping p : trips.get(i).pings()) {
                sentAt = Math.max(sentAt, p.ts());
                steps.computeIfAbsent(stepStart(sentAt, stepSeconds), k -> new LinkedHashMap<>())
                        .computeIfAbsent(i, k -> new ArrayList<>()).add(p);
            }
        }
        return steps;
    }

    /** @param trackers the tracker of each trip, by the trip's index */
    void replay(String label, List<TripData> trips, List<TrackerCredentials> trackers, StepListener listener)
            throws IOException, InterruptedException {
        NavigableMap<Long, Map<Integer, List<Ping>>> steps = steps(trips, stepSeconds);
        Map<Integer, Long> lastStep = new HashMap<>();
        steps.forEach((start, due) -> due.keySet().forEach(trip -> lastStep.put(trip, start)));
        long total = trips.stream().mapToLong(t -> t.pings().size()).sum();
        Map<Integer, ReplaySocket> sockets = new HashMap<>();
        long sent = 0;
        int deadSteps = 0;
        long nextProgress = System.nanoTime() + PROGRESS_NANOS;
        try {
            for (Map.Entry<Long, Map<Integer, List<Ping>>> step : steps.entrySet()) {
                long start = step.getKey();
                Map<Integer, List<Ping>> due = step.getValue();
                openMissing(due.keySet(), trackers, sockets);
                Map<Integer, CompletableFuture<Void>> sends = new LinkedHashMap<>();
                for (Map.Entry<Integer, List<Ping>> trip : due.entrySet()) {
                    ReplaySocket socket = sockets.get(trip.getKey());
                    if (socket == null) {
                        stats.unanswered(trip.getValue().size());
                    } else {
                        sends.put(trip.getKey(), socket.send(trip.getValue()));
                    }
                    sent += trip.getValue().size();
                }
                int answered = awaitAcks(sends, due, sockets);
                deadSteps = answered == 0 && !due.isEmpty() ? deadSteps + 1 : 0;
                if (deadSteps >= MAX_DEAD_STEPS) {
                    throw new IllegalStateException("the service answered no batch in " + MAX_DEAD_STEPS
                            + " steps in a row; giving up");
                }
                for (Integer trip : due.keySet()) {
                    if (lastStep.get(trip) == start && sockets.containsKey(trip)) {
                        sockets.remove(trip).close();
                    }
                }
                listener.afterStep(start);
                if (System.nanoTime() - nextProgress >= 0) {
                    log.printf("%s: at %s, %,d of %,d pings sent, %d trucks on the road%n", label,
                            Instant.ofEpochSecond(start), sent, total, sockets.size());
                    nextProgress = System.nanoTime() + PROGRESS_NANOS;
                }
            }
        } finally {
            sockets.values().forEach(ReplaySocket::abort);
        }
        log.printf("%s: %,d pings sent%n", label, sent);
    }

    private void openMissing(Iterable<Integer> trips, List<TrackerCredentials> trackers,
                             Map<Integer, ReplaySocket> sockets) throws InterruptedException {
        Map<Integer, CompletableFuture<ReplaySocket>> opening = new HashMap<>();
        for (Integer trip : trips) {
            if (!sockets.containsKey(trip)) {
                opening.put(trip, ReplaySocket.open(http, base, trackers.get(trip).token(), stats));
            }
        }
        for (Map.Entry<Integer, CompletableFuture<ReplaySocket>> open : opening.entrySet()) {
            try {
                sockets.put(open.getKey(), open.getValue().get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException | TimeoutException e) {
                stats.error("(could not open socket)");
            }
        }
    }

    /** @return how many trips' batches were fully answered; the others' sockets are dropped and reopened */
    private int awaitAcks(Map<Integer, CompletableFuture<Void>> sends, Map<Integer, List<Ping>> due,
                          Map<Integer, ReplaySocket> sockets) throws InterruptedException {
        try {
            CompletableFuture.allOf(sends.values().toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // sorted out per trip below
        }
        int answered = 0;
        for (Map.Entry<Integer, CompletableFuture<Void>> send : sends.entrySet()) {
            CompletableFuture<Void> done = send.getValue();
            if (done.isDone() && !done.isCompletedExceptionally()) {
                answered++;
            } else {
                stats.unanswered(due.get(send.getKey()).size());
                sockets.remove(send.getKey()).abort();
            }
        }
        return answered;
    }
}

package dev.tracelane.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Drives every demo truck through the real {@code /ws/trackers} socket: first the history before the demo's start
 * in lockstep, then each tick it advances the simulation clock, turns what each truck did meanwhile into readings
 * and flushes them.
 */
final class DemoDriver implements AutoCloseable {
    private static final long TICK_MS = 500;
    /** Trucks report their history from this long before departure, parked at the origin. */
    private static final long PARKED_BEFORE_DEPARTURE_S = 3600;
    /** and keep reporting this long after arrival. */
    private static final long PARKED_AFTER_ARRIVAL_S = 1800;
    /** History goes out this much event time at a time, below the monitors' two-minute floor for a silence. */
    private static final Duration CATCH_UP_SLICE = Duration.ofSeconds(60);
    private static final long AWAIT_MS = 5_000;

    private final SimulationClock clock;
    private final List<Truck> trucks = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-driver");
        thread.setDaemon(true);
        return thread;
    });

    private static final class Truck {
        final TripMotion motion;
        final TrackerLink link;
        Instant next;
        long sequence;

        Truck(TripMotion motion, TrackerLink link) {
            this.motion = motion;
            this.link = link;
            this.next = motion.trip().departure().minusSeconds(PARKED_BEFORE_DEPARTURE_S);
        }
    }

    DemoDriver(SimulationClock clock, List<TripMotion> trips, Map<String, String> tokens, int port) {
        this.clock = clock;
        HttpClient http = HttpClient.newHttpClient();
        for (TripMotion motion : trips) {
            String tracker = motion.trip().trackerId();
            URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/trackers?token=" + tokens.get(tracker));
            trucks.add(new Truck(motion, new TrackerLink(http, uri)));
        }
    }

    void start() {
        ticker.execute(this::catchUp);
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * The hours before now, a slice at a time, each acked by every truck before the next. Uploaded at once, the
     * trucks' histories interleave hours apart, and the monitors, judging silence on each carrier's event time,
     * found a truck silent while another's upload ran ahead.
     */
    private void catchUp() {
        flushAll();
        await(TrackerLink::connected);
        Instant cursor = trucks.stream().map(t -> t.next).min(Instant::compareTo).orElse(clock.now());
        while (cursor.isBefore(clock.now()) && !Thread.currentThread().isInterrupted()) {
            cursor = cursor.plus(CATCH_UP_SLICE);
            queueUntil(cursor);
            flushAll();
            await(TrackerLink::drained);
        }
    }

    private void tick() {
        queueUntil(clock.now());
        flushAll();
    }

    private void queueUntil(Instant now) {
        for (Truck truck : trucks) {
            Instant end = truck.motion.arrival().plusSeconds(PARKED_AFTER_ARRIVAL_S);
            while (!truck.next.isAfter(now) && !truck.next.isAfter(end)) {
                Instant at = truck.next;
                truck.motion.at(at).ifPresent(sample -> {
                    String id = truck.motion.trip().trackerId() + "-" + truck.sequence++;
                    truck.link.queue(id, json(id, sample));
                });
                truck.next = at.plus(truck.motion.reportInterval(at));
            }
        }
    }

    private void flushAll() {
        long wallMs = System.currentTimeMillis();
        trucks.forEach(t -> t.link.flush(wallMs));
    }

    /** Waits, a few seconds at most, until every truck's link is so; a link that never gets there is resent later. */
    private void await(Predicate<TrackerLink> state) {
        long deadline = System.currentTimeMillis() + AWAIT_MS;
        while (System.currentTimeMillis() < deadline && !trucks.stream().allMatch(t -> state.test(t.link))) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String json(String id, TripMotion.Sample s) {
        String temperature = s.temperature() == null ? "" : String.format(Locale.ROOT, ",\"temperature\":%.1f",
                s.temperature());
        return String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"ts\":\"%s\",\"lat\":%.6f,\"lon\":%.6f,\"speed\":%.1f,\"heading\":%.1f,"
                        + "\"accuracy\":8%s}", id, s.ts(), s.lat(), s.lon(), s.speed(), s.heading(), temperature);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        trucks.forEach(t -> t.link.close());
    }
}

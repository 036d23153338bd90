package dev.tracelane.bench.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a shipment's ETA once it has seen a given ping: polls {@code GET /api/shipments/{ref}/eta} until its
 * {@code asOf} reaches the ping's time, for at most {@link #TIMEOUT}. When the endpoint has answered nothing at
 * several checkpoints in a row (not built yet, or no estimates at all), the probe stops asking, so a service
 * without ETAs costs seconds, not the whole run.
 */
final class EtaProbe {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int GIVE_UP_AFTER = 5;
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long MAX_PAUSE_MILLIS = 200;

    enum Outcome { ANSWERED, TIMEOUT, UNAVAILABLE }

    /** @param reading the fresh estimate, only when {@link Outcome#ANSWERED} */
    record Result(Outcome outcome, EtaReading reading) {
    }

    private final ApiClient api;
    private final AtomicInteger silentInARow = new AtomicInteger();

    EtaProbe(ApiClient api) {
        this.api = api;
    }

    Result read(String reference, long pingTs) throws InterruptedException {
        if (silentInARow.get() >= GIVE_UP_AFTER) {
            return new Result(Outcome.UNAVAILABLE, null);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        boolean answered = false;
        do {
            try {
                ApiClient.Answer answer = api.get("/api/shipments/" + ApiClient.encode(reference) + "/eta");
                if (answer.ok()) {
                    answered = true;
                    EtaReading reading = EtaReading.of(JsonMaps.object(answer.json()));
                    if (reading.covers(pingTs)) {
                        silentInARow.set(0);
                        return new Result(Outcome.ANSWERED, reading);
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // unreachable or unparseable for now: same as not fresh yet
            }
            Thread.sleep(pause);
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        } while (System.nanoTime() - deadline < 0);
        if (answered) {
            silentInARow.set(0);
            return new Result(Outcome.TIMEOUT, null);
        }
        silentInARow.incrementAndGet();
        return new Result(Outcome.UNAVAILABLE, null);
    }
}

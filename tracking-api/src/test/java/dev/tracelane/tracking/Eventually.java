package dev.tracelane.tracking;

import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something the service does after answering (monitors, live fan-out), for at most 10 s. */
public final class Eventually {
    private static final long TIMEOUT_MILLIS = 10_000;

    private Eventually() {
    }

    public static <T> T found(Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + TIMEOUT_MILLIS / 1000 + " s");
    }
}

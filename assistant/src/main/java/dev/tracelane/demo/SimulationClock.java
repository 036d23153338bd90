package dev.tracelane.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo's event time: starts {@code lead} behind the real clock and runs {@code speedup} times faster until
 * it has caught up, then keeps pace. Event time never passes the real clock, so the demo's trackers obey the
 * same rules as real ones.
 */
final class SimulationClock {
    private final Clock real;
    private final Instant realStart;
    private final Instant simStart;
    private final double speedup;

    SimulationClock(Clock real, Duration lead, double speedup) {
        this.real = real;
        this.realStart = real.instant();
        this.simStart = realStart.minus(lead);
        this.speedup = speedup;
    }

    Instant start() {
        return simStart;
    }

    Instant now() {
        Instant wall = real.instant();
        long elapsedMs = Duration.between(realStart, wall).toMillis();
        Instant accelerated = simStart.plusMillis((long) (elapsedMs * speedup));
        return accelerated.isBefore(wall) ? accelerated : wall;
    }
}

package dev.tracelane.tools.anomaly;

import java.time.Duration;
import java.time.Instant;

/**
 * The time one carrier's fleet is at: the newest reading heard from it while its readings are replayed, the wall
 * clock once they are live. Each carrier has its own, so a fleet replaying last week is never judged silent
 * by another carrier's trucks reporting today.
 */
final class EventClock {
    private static final Duration LIVE_LAG = Duration.ofMinutes(10);
    private static final Duration LIVE_ENTER = Duration.ofMinutes(1);
    private static final Duration SILENCE_CHECK = Duration.ofSeconds(10);
    private Instant watermark = Instant.EPOCH;
    private Instant silenceCheckedAt = Instant.EPOCH;
    private boolean live;

    void hear(Instant ts) {
        if (ts.isAfter(watermark)) {
            watermark = ts;
        }
    }

    /** Whether event time moved enough since the last silence check: a replay moves hours between wall ticks. */
    boolean silenceCheckDue() {
        return Duration.between(silenceCheckedAt, watermark).compareTo(SILENCE_CHECK) >= 0;
    }

    /** Marks a silence check as starting now and returns the time it judges silences at. */
    Instant startSilenceCheck(Instant wall) {
        silenceCheckedAt = watermark;
        return now(wall);
    }

    /**
     * The wall clock once readings are live, else the watermark. Readings become live when one comes within
     * {@link #LIVE_ENTER} of the wall clock, and stop being live when none has for {@link #LIVE_LAG}: a replay
     * that catches up with the present switches when its clock jumps by little, or every tracker would look
     * silent for the jump.
     */
    Instant now(Instant wall) {
        Duration behind = Duration.between(watermark, wall);
        if (live && behind.compareTo(LIVE_LAG) > 0) {
            live = false;
        } else if (!live && behind.compareTo(LIVE_ENTER) <= 0) {
            live = true;
        }
        return live ? wall : watermark;
    }
}

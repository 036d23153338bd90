package dev.tracelane.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Builds one tracker's batch frames. Event {@code n} has id {@code "n"} and timestamp {@code base + n} ms, so no
 * two events of a tracker collide on (tracker, ts, id) and an event id maps straight back to its batch.
 * Not thread-safe: each connection owns one and builds its frames under its own lock.
 */
final class EventFrames {
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final long baseMillis;
    private final String position;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;

    /** @param trackerIndex spreads trackers over a small area so they do not all report the same point */
    EventFrames(long baseMillis, int trackerIndex) {
        this.baseMillis = baseMillis;
        this.position = String.format(Locale.ROOT, ",\"lat\":%.4f,\"lon\":%.4f,\"speed\":22.4}",
                41.5 + trackerIndex % 100 * 0.01, -88.0 + trackerIndex / 100 % 100 * 0.01);
    }

    String batch(long firstSeq, int size) {
        StringBuilder frame = new StringBuilder(size * 96).append('[');
        for (long seq = firstSeq; seq < firstSeq + size; seq++) {
            if (seq != firstSeq) {
                frame.append(',');
            }
            frame.append("{\"id\":\"").append(seq).append("\",\"ts\":\"");
            appendTimestamp(frame, baseMillis + seq);
            frame.append('"').append(position);
        }
        return frame.append(']').toString();
    }

    /** Formats only the milliseconds per event; the rest changes once a second at most. */
    private void appendTimestamp(StringBuilder frame, long millis) {
        long second = Math.floorDiv(millis, 1000);
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedPrefix = SECOND.format(Instant.ofEpochSecond(second));
        }
        int ms = (int) Math.floorMod(millis, 1000);
        frame.append(cachedPrefix).append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10))
                .append((char) ('0' + ms % 10)).append('Z');
    }
}

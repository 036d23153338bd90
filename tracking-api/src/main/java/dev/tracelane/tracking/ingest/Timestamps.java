package dev.tracelane.tracking.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Timestamp forms devices send: ISO-8601 with offset, epoch milliseconds, or (OsmAnd) epoch seconds. */
final class Timestamps {
    /** Below this an epoch number is seconds, above it milliseconds (1e11 s is the year 5138). */
    private static final double SECONDS_LIMIT = 1e11;

    private Timestamps() {
    }

    static Instant iso(String text) {
        return iso(text, "ts must be ISO-8601 with an offset or epoch milliseconds");
    }

    private static Instant iso(String text, String refusal) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedEventException("invalid_ts", refusal);
        }
    }

    static Instant epochMillis(double millis) {
        return Instant.ofEpochMilli(Math.round(millis));
    }

    /** Seconds or milliseconds, told apart by magnitude. */
    static Instant epochSecondsOrMillis(double value) {
        return value < SECONDS_LIMIT ? Instant.ofEpochMilli(Math.round(value * 1000)) : epochMillis(value);
    }

    /**
     * A number (seconds or milliseconds) or ISO text, as OsmAnd and Traccar Client send; {@code name} is the
     * field as the device sends it, for the error.
     */
    static Instant flexible(String name, String text) {
        try {
            return epochSecondsOrMillis(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return iso(text, name + " must be epoch seconds, epoch milliseconds or ISO-8601 with an offset");
        }
    }
}

package dev.tracelane.tracking.ingest;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The checks every protocol shares: required fields and plausible ranges. Old timestamps are fine (replays,
 * store-and-forward); timestamps too far in the future are refused, a skewed device clock would otherwise
 * pin the shipment's current state.
 */
@Singleton
public class EventRules {
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_EVENT_LENGTH = 200;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final double MAX_SPEED = 150;

    private final Clock clock;
    private final Duration maxFuture;

    public EventRules(Clock clock, @Value("${tracelane.ingest.max-future:PT10M}") Duration maxFuture) {
        this.clock = clock;
        this.maxFuture = maxFuture;
    }

    public TrackingEvent check(String trackerId, Reading r) {
        if (r.clientId() != null && r.clientId().length() > MAX_ID_LENGTH) {
            throw new RejectedEventException("invalid_id", "id must be at most " + MAX_ID_LENGTH + " characters");
        }
        noNul("id", r.clientId());
        noNul("event", r.event());
        if (r.ts() == null) {
            throw new RejectedEventException("missing_ts", "ts is required");
        }
        if (r.ts().isBefore(EARLIEST)) {
            throw new RejectedEventException("invalid_ts", "ts must be after 2000-01-01");
        }
        if (r.ts().isAfter(clock.instant().plus(maxFuture))) {
            throw new RejectedEventException("ts_in_future", "ts is more than " + maxFuture.toSeconds()
                    + " s ahead of the server clock");
        }
        if (r.lat() != null && r.lon() == null) {
            throw new RejectedEventException("missing_lon", "lat was given without lon");
        }
        if (r.lon() != null && r.lat() == null) {
            throw new RejectedEventException("missing_lat", "lon was given without lat");
        }
        range("lat", r.lat(), -90, 90);
        range("lon", r.lon(), -180, 180);
        range("speed", r.speed(), 0, MAX_SPEED);
        range("heading", r.heading(), 0, 360);
        range("accuracy", r.accuracy(), 0, 1_000_000);
        range("altitude", r.altitude(), -1_000, 20_000);
        range("temperature", r.temperature(), -100, 150);
        range("humidity", r.humidity(), 0, 100);
        range("battery", r.battery(), 0, 100);
        if (r.event() != null && r.event().length() > MAX_EVENT_LENGTH) {
            throw new RejectedEventException("invalid_event", "event must be at most " + MAX_EVENT_LENGTH
                    + " characters");
        }
        if (r.lat() == null && r.temperature() == null && r.humidity() == null && r.battery() == null
                && r.event() == null) {
            throw new RejectedEventException("missing_position",
                    "lat and lon, or a sensor field (temperature, humidity, battery, event), are required");
        }
        // stored with millisecond precision, so the idempotency key is too
        return new TrackingEvent(trackerId, r.clientId() == null ? "" : r.clientId(),
                r.ts().truncatedTo(ChronoUnit.MILLIS), r.lat(), r.lon(),
                r.speed(), r.heading(), r.accuracy(), r.altitude(), r.temperature(), r.humidity(), r.battery(),
                r.event());
    }

    /** PostgreSQL cannot store NUL in text: caught here, per event, before it could fail a whole commit. */
    private static void noNul(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new RejectedEventException("invalid_" + field, field + " must not contain the NUL character (U+0000)");
        }
    }

    private static void range(String field, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw new RejectedEventException("invalid_" + field,
                    field + " must be within [" + fmt(min) + ", " + fmt(max) + "]");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

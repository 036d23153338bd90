package dev.tracelane.tracking.ingest;

import java.time.Instant;

/**
 * One normalised reading from a tracker, whatever protocol brought it. Units: degrees, m/s, metres, °C,
 * percent. Absent readings are null. {@code clientId} is the device's own event id, or "" when it sent none.
 */
public record TrackingEvent(String trackerId, String clientId, Instant ts,
                            Double lat, Double lon, Double speed, Double heading, Double accuracy,
                            Double altitude, Double temperature, Double humidity, Double battery,
                            String event) {

    public boolean hasPosition() {
        return lat != null && lon != null;
    }

    /** The key ingestion is idempotent on; matches the table's primary key. */
    public EventKey key() {
        return new EventKey(trackerId, ts, clientId);
    }

    public record EventKey(String trackerId, Instant ts, String clientId) {
    }
}

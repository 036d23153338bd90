package dev.tracelane.tracking.ingest;

import java.time.Instant;

/**
 * A reading as a protocol decoder extracted it, before the shared rules ({@link EventRules}) check it.
 * Units are already the contract's (m/s, percent).
 */
public record Reading(String clientId, Instant ts, Double lat, Double lon, Double speed, Double heading,
                      Double accuracy, Double altitude, Double temperature, Double humidity, Double battery,
                      String event) {
}

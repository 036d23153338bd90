package dev.tracelane.bench;

/** A registered tracker and the device token it authenticates its socket with. */
public record TrackerCredentials(String id, String token) {
}

package dev.tracelane.bench;

/** A registered tracker and the device token it authenticates its socket with. */
record TrackerCredentials(String id, String token) {
}

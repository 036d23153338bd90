package dev.tracelane.tracking.identity;

/**
 * The tokens of {@code subject} no longer count (a revoked share link): sockets opened with them close. Published
 * as an application event on the instance that revoked; every instance refuses new requests by itself.
 */
public record TokenRevoked(String subject) {
}

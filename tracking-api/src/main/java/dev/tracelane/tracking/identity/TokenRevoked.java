package dev.tracelane.tracking.identity;

import io.micronaut.websocket.CloseReason;

/**
 * The tokens of {@code subject} no longer count (a revoked share link): sockets opened with them close. Published
 * as an application event on the instance that revoked; every instance refuses new requests by itself.
 */
public record TokenRevoked(String subject) {
    /** How a socket opened with the revoked token is closed. */
    public static final CloseReason CLOSE = new CloseReason(CloseReason.POLICY_VIOLATION.getCode(), "token revoked");
}

package dev.tracelane.tracking.identity;

import java.util.List;
import java.util.Set;

/** A stored user account. */
public record User(String username, String org, String passwordHash, Set<String> roles, List<String> shipments) {

    public Caller asCaller() {
        return new Caller(username, org, roles, shipments);
    }
}

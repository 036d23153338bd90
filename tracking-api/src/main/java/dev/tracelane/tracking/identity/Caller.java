package dev.tracelane.tracking.identity;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who is asking: the identity every read is scoped by. Built from the JWT claims, never from request data.
 *
 * @param username  the {@code sub} claim
 * @param org       the org the user belongs to
 * @param roles     any of customer, shipper, carrier, coordinator, support, admin
 * @param shipments for customer tokens: the references the token is limited to; empty otherwise
 */
public record Caller(String username, String org, Set<String> roles, List<String> shipments) {

    public static final String PLATFORM_ORG = "tracelane";

    public static Caller of(Authentication authentication) {
        Object org = authentication.getAttributes().get(Claims.ORG);
        return new Caller(authentication.getName(),
                org == null ? "" : org.toString(),
                Set.copyOf(authentication.getRoles()),
                strings(authentication.getAttributes().get(Claims.SHIPMENTS)));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return PLATFORM_ORG.equals(org) && has(Roles.ADMIN);
    }

    /** Admins may manage users and trackers of their own org; platform admins of any org. */
    public boolean administers(String otherOrg) {
        return has(Roles.ADMIN) && (org.equals(otherOrg) || isPlatformAdmin());
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Object::toString).toList();
        }
        return List.of();
    }
}

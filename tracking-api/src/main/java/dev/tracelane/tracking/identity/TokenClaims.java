package dev.tracelane.tracking.identity;

import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** The extra claims a user's access token carries. */
@Singleton
public class TokenClaims {

    public Map<String, Object> of(User user) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(Claims.ORG, user.org());
        if (!user.shipments().isEmpty()) {
            claims.put(Claims.SHIPMENTS, user.shipments());
        }
        return claims;
    }
}

package dev.tracelane.tracking.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** A token is the identity, but only for an org that exists here (CONTRACT.md, "Operations"). */
@Singleton
public class KnownOrgClaimValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {
    private final Orgs orgs;

    public KnownOrgClaimValidator(Orgs orgs) {
        this.orgs = orgs;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object org = claims.get(dev.tracelane.tracking.identity.Claims.ORG);
        return org != null && orgs.exists(org.toString());
    }
}

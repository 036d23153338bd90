package dev.tracelane.web.share;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.security.Principal;
import java.util.Map;

/**
 * Refuses the token of a revoked share link on every request, socket upgrades included, before anything else
 * sees it. A JWT stays valid until it expires, so the list of revoked links is the only way to take one back.
 * It runs on the event loop (a socket upgrade must not leave it) and asks {@link Shares} from memory. Runs
 * after security, which has named the subject.
 */
@ServerFilter("/**")
public class RevokedShareFilter implements Ordered {
    private final Shares shares;

    public RevokedShareFilter(Shares shares) {
        this.shares = shares;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String subject = request.getUserPrincipal().map(Principal::getName).orElse(null);
        if (subject == null || !subject.startsWith(Shares.SUBJECT_PREFIX) || !shares.isRevoked(subject)) {
            return null;
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "this link has been revoked"));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}

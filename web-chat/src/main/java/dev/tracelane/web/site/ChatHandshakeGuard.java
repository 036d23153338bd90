package dev.tracelane.web.site;

import dev.tracelane.tracking.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;
import java.util.Optional;

/**
 * Stops cross-site socket hijacking on {@code /ws/chat} before the upgrade: a socket opened with
 * {@code ?siteKey=} must come from an origin on that site's allow-list, with a token of the site's org; a socket
 * from any other page origin must carry a site key. Clients that send no {@code Origin} (apps, servers) are not
 * browsers and are not affected. Runs after security so the token's org is known.
 */
@ServerFilter("/ws/chat")
public class ChatHandshakeGuard implements Ordered {
    private final Sites sites;

    public ChatHandshakeGuard(Sites sites) {
        this.sites = sites;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        Optional<String> siteKey = request.getParameters().getFirst("siteKey");
        if (siteKey.isPresent()) {
            Optional<Site> site = sites.find(siteKey.get());
            if (site.isEmpty() || !site.get().allows(origin)) {
                return refuse("origin " + origin + " may not use this site key");
            }
            Optional<Authentication> user = request.getUserPrincipal(Authentication.class);
            if (user.isPresent() && !Caller.of(user.get()).org().equals(site.get().org())) {
                return refuse("the token's org does not own this site key");
            }
        } else if (origin != null && !WebOrigin.sameAsHost(origin, request.getHeaders().get(HttpHeaders.HOST))) {
            return refuse("a page of another origin needs a site key");
        }
        return null;
    }

    private static HttpResponse<?> refuse(String message) {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("message", message));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}

package dev.tracelane.web.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Optional;

/**
 * CORS for the widget on a host site: the chat API answers a page of another origin only when the request
 * names a site key ({@code ?siteKey=}, which a preflight carries too) whose allow-list has that origin.
 * Tokens travel in the Authorization header, never in cookies, so credentials are not allowed.
 */
@ServerFilter({"/api/chat", "/api/chat/**"})
public class SiteCors implements Ordered {
    private final Sites sites;

    public SiteCors(Sites sites) {
        this.sites = sites;
    }

    /** Answers the preflight itself: it carries no token and must not meet the security filter. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> preflight(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.OPTIONS
                || !request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            return null;
        }
        Optional<String> origin = allowedOrigin(request);
        if (origin.isEmpty()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        return allow(HttpResponse.ok(), origin.get())
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type")
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
    }

    @ResponseFilter
    public void expose(HttpRequest<?> request, MutableHttpResponse<?> response) {
        allowedOrigin(request).ifPresent(origin -> allow(response, origin));
    }

    private Optional<String> allowedOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        return request.getParameters().getFirst("siteKey").flatMap(sites::find)
                .filter(site -> site.allows(origin)).flatMap(site -> WebOrigin.normalize(origin));
    }

    private static MutableHttpResponse<?> allow(MutableHttpResponse<?> response, String origin) {
        return response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).header(HttpHeaders.VARY, "Origin");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}

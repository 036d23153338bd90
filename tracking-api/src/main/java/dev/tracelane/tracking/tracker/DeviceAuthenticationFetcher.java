package dev.tracelane.tracking.tracker;

import dev.tracelane.tracking.identity.Claims;
import dev.tracelane.tracking.identity.Roles;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates devices on the ingest paths by their token: {@code ?token=}, {@code Authorization: Bearer}, or
 * HTTP Basic as OwnTracks sends it (user = tracker id, password = token). The result has the single role
 * {@code tracker}, so no user endpoint admits it.
 * <p>
 * The lookup answers on the calling (event loop) thread, from memory after a device's first connection: when it
 * answered on another thread, Micronaut finished the WebSocket upgrade there and a frame sent right after the
 * handshake could reach the HTTP handler and be dropped (about 1 in 75 connections).
 */
@Singleton
public class DeviceAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    private static final List<String> DEVICE_PATHS = List.of("/ws/trackers", "/ingest/");
    private final DeviceTokens tokens;

    public DeviceAuthenticationFetcher(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String path = request.getPath();
        if (DEVICE_PATHS.stream().noneMatch(path::startsWith)) {
            return Mono.empty();
        }
        Optional<DeviceCredentials> credentials = credentials(request);
        if (credentials.isEmpty()) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(tokens.trackerOf(credentials.get().token())
                .filter(credentials.get()::namesTracker)
                .map(DeviceAuthenticationFetcher::asAuthentication));
    }

    private static Authentication asAuthentication(String trackerId) {
        return Authentication.build(trackerId, List.of(Roles.TRACKER), Map.of(Claims.TRACKER, trackerId));
    }

    private static Optional<DeviceCredentials> credentials(HttpRequest<?> request) {
        Optional<String> query = request.getParameters().getFirst("token");
        if (query.isPresent()) {
            return query.map(token -> new DeviceCredentials(null, token));
        }
        return request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class).flatMap(header -> {
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of(new DeviceCredentials(null, header.substring(7).trim()));
            }
            if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return basic(header.substring(6).trim());
            }
            return Optional.empty();
        });
    }

    private static Optional<DeviceCredentials> basic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new DeviceCredentials(pair.substring(0, colon), pair.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @param trackerId the id the client claims (Basic auth only); must match the token's tracker */
    private record DeviceCredentials(String trackerId, String token) {
        boolean namesTracker(String actual) {
            return trackerId == null || trackerId.equals(actual);
        }
    }
}

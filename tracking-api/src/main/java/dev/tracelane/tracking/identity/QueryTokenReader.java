package dev.tracelane.tracking.identity;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads {@code ?access_token=} for browsers, which cannot set headers on a WebSocket. Only on upgrade requests:
 * a token in a plain HTTP URL would end up in logs and caches.
 */
@Singleton
public class QueryTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!isWebSocketUpgrade(request)) {
            return Optional.empty();
        }
        return request.getParameters().getFirst("access_token");
    }

    static boolean isWebSocketUpgrade(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.UPGRADE, String.class)
                .map("websocket"::equalsIgnoreCase).orElse(false);
    }
}

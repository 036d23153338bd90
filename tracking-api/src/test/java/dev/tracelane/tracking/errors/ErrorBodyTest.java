package dev.tracelane.tracking.errors;

import dev.tracelane.tracking.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** An error answer names what went wrong and where, never the token the request carried in its query. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorBodyTest implements TestDatabase {
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LWNsYWltcw.not-a-real-signature";

    @Inject
    EmbeddedServer server;

    @Test
    void aRefusedTokenInTheQueryIsNotEchoedInTheErrorBody() throws Exception {
        for (String path : new String[]{"/api/stream/fleet?access_token=", "/ingest/osmand?id=x&lat=1&lon=2&token="}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getPort() + path + TOKEN)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(response.body()).as(path).doesNotContain("not-a-real-signature").contains("message");
        }
    }
}

package dev.tracelane.tracking;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTest implements TestDatabase {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anyoneMaySeeWhetherItIsUpButNotWhatItRunsOn() {
        Map<String, Object> health = client.toBlocking().retrieve(HttpRequest.GET("/health"),
                Argument.mapOf(String.class, Object.class));
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.toString()).doesNotContain("jdbc");
    }

    @Test
    void aSignedInCallerSeesTheDatabase() {
        String token = new Api(client.toBlocking()).adminToken();
        Map<String, Object> health = client.toBlocking().retrieve(Api.auth(HttpRequest.GET("/health"), token),
                Argument.mapOf(String.class, Object.class));
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.toString()).contains("jdbc");
    }
}

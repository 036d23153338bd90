package dev.tracelane.web;

import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /openapi} describes every module's HTTP API, login and sockets in one document, without logging in. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest implements TestDatabase {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void oneDocumentHoldsThePathsOfAllModules() {
        String text = client.toBlocking().retrieve("/openapi");
        Map<String, Object> spec = new Yaml().load(text);
        assertThat(spec).containsEntry("openapi", "3.0.1");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        assertThat(paths).containsKeys("/api/shipments", "/api/shipments/{ref}/eta", "/api/alerts", "/api/chat",
                "/api/shares", "/login", "/oauth/access_token", "/ws/trackers", "/ws/live", "/ws/chat");
    }

    @Test
    @SuppressWarnings("unchecked")
    void operationIdsAreUniqueCreationsAre201AndTheBearerSchemeIsDeclared() {
        Map<String, Object> spec = new Yaml().load(client.toBlocking().retrieve("/openapi"));
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) spec.get("paths");
        List<Object> ids = paths.values().stream().flatMap(ops -> ops.values().stream())
                .map(op -> op.get("operationId")).filter(Objects::nonNull).toList();
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.toString().matches(".*_\\d+"));
        assertThat((Map<String, Object>) paths.get("/api/shipments").get("post").get("responses")).containsKey("201");
        assertThat(spec.get("security")).isEqualTo(List.of(Map.of("bearer", List.of())));
        assertThat(((Map<String, Map<String, Object>>) spec.get("components")).get("securitySchemes"))
                .containsKey("bearer");
    }
}

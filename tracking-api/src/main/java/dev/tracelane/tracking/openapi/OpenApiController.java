package dev.tracelane.tracking.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * {@code GET /openapi}: the API as OpenAPI 3 YAML. Each module's controllers are described at compile time by
 * micronaut-openapi into {@code META-INF/swagger/<module>.yml} (login and the sockets, which it cannot see, are
 * written by hand beside them); this merges whichever files are on the classpath (their paths and schemas)
 * into one document, once.
 */
@Controller("/openapi")
@Secured(SecurityRule.IS_ANONYMOUS)
public class OpenApiController {
    private static final String DIRECTORY = "META-INF/swagger/";
    private volatile String merged;

    @Get(produces = "application/yaml")
    public HttpResponse<String> spec() {
        String spec = merged;
        if (spec == null) {
            spec = merge();
            merged = spec;
        }
        return HttpResponse.ok(spec);
    }

    private String merge() {
        Yaml yaml = new Yaml();
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Object> components = new TreeMap<>();
        for (String file : specFiles()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                Map<String, Object> doc = in == null ? Map.of() : yaml.load(in);
                paths.putAll(map(doc.get("paths")));
                map(doc.get("components")).forEach((kind, entries) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> all = (Map<String, Object>) components.computeIfAbsent(kind,
                            k -> new TreeMap<>());
                    all.putAll(map(entries));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        uniqueOperationIds(paths);
        @SuppressWarnings("unchecked")
        Map<String, Object> schemes = (Map<String, Object>) components.computeIfAbsent("securitySchemes",
                k -> new TreeMap<>());
        schemes.put("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT", "description",
                "an access token from POST /login, or a device token on the ingest paths"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("openapi", "3.0.1");
        root.put("info", Map.of("title", "Tracelane", "description",
                "Real-time freight tracking: ingestion, shipments, live streams, alerts, ETA and chat."
                        + " WebSockets (/ws/trackers, /ws/live, /ws/chat) appear as their upgrade requests;"
                        + " their messages are in docs/. Every path takes a bearer token but /login, /health,"
                        + " /openapi and the public tracking page.",
                "version", "0.1.0"));
        root.put("security", List.of(Map.of("bearer", List.of())));
        root.put("paths", paths);
        root.put("components", components);
        return yaml.dump(root);
    }

    /**
     * Each module's spec numbers its own clashing operation ids (list, list_1), and the modules clash with each
     * other: an id taken already, or numbered so, becomes one spelt from the method and path
     * ({@code getApiShipmentsRefEta}), which clients generated from the document can tell apart.
     */
    private static void uniqueOperationIds(Map<String, Object> paths) {
        Set<String> taken = new HashSet<>();
        paths.forEach((path, operations) -> map(operations).forEach((method, operation) -> {
            Map<String, Object> op = map(operation);
            if (op.get("operationId") instanceof String id) {
                String unique = taken.contains(id) || id.matches(".*_\\d+") ? spelt(method, path) : id;
                op.put("operationId", unique);
                taken.add(unique);
            }
        }));
    }

    private static String spelt(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String part : path.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The spec files under {@link #DIRECTORY}, in jars (the service) or directories (tests, the IDE). */
    private List<String> specFiles() {
        List<String> files = new ArrayList<>();
        try {
            for (URL url : Collections.list(getClass().getClassLoader().getResources(DIRECTORY))) {
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(e -> e.getName())
                                .filter(n -> n.startsWith(DIRECTORY) && n.endsWith(".yml")).forEach(files::add);
                    }
                } else if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> listed = Files.list(Path.of(url.toURI()))) {
                        listed.map(p -> DIRECTORY + p.getFileName()).filter(n -> n.endsWith(".yml"))
                                .forEach(files::add);
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("could not list " + DIRECTORY, e);
        }
        return files.stream().distinct().sorted().toList();
    }
}

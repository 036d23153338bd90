package dev.tracelane.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The few admin calls a run needs: log in, create the run's own orgs, register its trackers, and for the live
 * bench its shipments and a coordinator to watch them.
 */
public final class AdminApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String accessToken;

    private AdminApi(HttpClient http, URI base, String accessToken) {
        this.http = http;
        this.base = base;
        this.accessToken = accessToken;
    }

    public static AdminApi login(HttpClient http, URI base, String password) throws IOException, InterruptedException {
        String body = "{\"username\":\"admin\",\"password\":" + Json.quote(password) + "}";
        String answer = post(http, base, "/login", body, null);
        String token = Json.stringField(answer, "access_token");
        if (token == null) {
            throw new IllegalStateException("login answered without an access_token");
        }
        return new AdminApi(http, base, token);
    }

    public void createOrg(String id, String name) throws IOException, InterruptedException {
        post(http, base, "/api/orgs", "{\"id\":" + Json.quote(id) + ",\"name\":" + Json.quote(name) + "}",
                accessToken);
    }

    TrackerCredentials registerTracker(String id, String org) throws IOException, InterruptedException {
        String answer = post(http, base, "/api/trackers",
                "{\"id\":" + Json.quote(id) + ",\"org\":" + Json.quote(org) + ",\"name\":\"bench\"}", accessToken);
        String token = Json.stringField(answer, "token");
        if (token == null) {
            throw new IllegalStateException("registering " + id + " answered without a token");
        }
        return new TrackerCredentials(id, token);
    }

    /** A shipment from {@code origin} to a point 300 km north, followed by {@code tracker}. */
    void createShipment(String reference, String shipper, String carrier, String tracker, double lat, double lon)
            throws IOException, InterruptedException {
        post(http, base, "/api/shipments", "{\"reference\":" + Json.quote(reference) + ",\"shipper\":"
                + Json.quote(shipper) + ",\"carrier\":" + Json.quote(carrier) + ",\"tracker\":" + Json.quote(tracker)
                + ",\"origin\":{\"lat\":" + lat + ",\"lon\":" + lon + "},\"destination\":{\"lat\":" + (lat + 2.7)
                + ",\"lon\":" + lon + "}}", accessToken);
    }

    /**
     * One shipment per tracker, {@code PREFIX-00000} on, sixteen created at a time; shipment {@code i} sets off from
     * {@link Origin#of}.
     *
     * @return the references, in the trackers' order
     */
    List<String> createShipments(String prefix, String shipper, String carrier, List<TrackerCredentials> trackers) {
        List<String> references = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Void>> created = new ArrayList<>();
        for (int i = 0; i < trackers.size(); i++) {
            String reference = String.format("%s-%05d", prefix, i);
            references.add(reference);
            TrackerCredentials tracker = trackers.get(i);
            Origin origin = Origin.of(i);
            created.add(CompletableFuture.runAsync(() -> {
                try {
                    createShipment(reference, shipper, carrier, tracker.id(), origin.lat(), origin.lon());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        try {
            CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow(); // on a failure too: idle pool threads would keep the JVM alive
        }
        return references;
    }

    /** A shipment described by a complete {@code POST /api/shipments} body, for callers with richer trips. */
    public void createShipment(String body) throws IOException, InterruptedException {
        post(http, base, "/api/shipments", body, accessToken);
    }

    /** Creates a coordinator of {@code org} and returns its access token. */
    public String coordinatorToken(String org) throws IOException, InterruptedException {
        String username = org + "-coordinator";
        post(http, base, "/api/users", "{\"username\":" + Json.quote(username) + ",\"password\":\"bench-password\","
                + "\"org\":" + Json.quote(org) + ",\"roles\":[\"coordinator\"]}", accessToken);
        String answer = post(http, base, "/login", "{\"username\":" + Json.quote(username)
                + ",\"password\":\"bench-password\"}", null);
        return Json.stringField(answer, "access_token");
    }

    private static String post(HttpClient http, URI base, String path, String json, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        return response.body();
    }
}

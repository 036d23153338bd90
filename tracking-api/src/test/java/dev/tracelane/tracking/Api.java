package dev.tracelane.tracking;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives the public HTTP API the way an integrator does, to set up each test's own orgs, users, trackers and
 * shipments (unique ids, so tests share one database without interfering).
 */
public final class Api {
    private final BlockingHttpClient http;
    private final String adminToken;

    public Api(BlockingHttpClient http) {
        this.http = http;
        this.adminToken = login("admin", "admin-password-for-tests");
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String adminToken() {
        return adminToken;
    }

    public String login(String username, String password) {
        Map<String, Object> body = http.retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", password)), Argument.mapOf(String.class, Object.class));
        return (String) body.get("access_token");
    }

    public String org(String prefix) {
        String id = unique(prefix);
        http.exchange(auth(HttpRequest.POST("/api/orgs", Map.of("id", id, "name", prefix)), adminToken));
        return id;
    }

    /** Creates a user and returns its access token. */
    public String user(String org, List<String> roles, List<String> shipments) {
        String username = unique("user");
        http.exchange(auth(HttpRequest.POST("/api/users", Map.of("username", username, "password", "password-123",
                "org", org, "roles", roles, "shipments", shipments)), adminToken));
        return login(username, "password-123");
    }

    /** Registers a tracker and returns its device token. */
    public String tracker(String id, String org) {
        Map<String, Object> body = http.retrieve(auth(HttpRequest.POST("/api/trackers",
                Map.of("id", id, "org", org, "name", id)), adminToken), Argument.mapOf(String.class, Object.class));
        return (String) body.get("token");
    }

    /** A Chicago to Milwaukee shipment; extra fields override the defaults. */
    public Map<String, Object> shipment(String shipper, String carrier, String tracker, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "reference", unique("SHP"), "shipper", shipper, "carrier", carrier,
                "origin", Map.of("name", "Chicago, IL", "lat", 41.8781, "lon", -87.6298),
                "destination", Map.of("name", "Milwaukee, WI", "lat", 43.0389, "lon", -87.9065)));
        if (tracker != null) {
            body.put("tracker", tracker);
        }
        body.putAll(extra);
        return http.retrieve(auth(HttpRequest.POST("/api/shipments", body), adminToken),
                Argument.mapOf(String.class, Object.class));
    }

    /** A registered tracker: its device identifier and token. */
    public record Tracker(String id, String token) {
    }

    /** A tracker of a new carrier org of its own. */
    public Tracker newTracker() {
        String id = unique("trk");
        return new Tracker(id, tracker(id, org("carrier")));
    }

    /** A shipment with its own carrier, tracker and a coordinator of that carrier to watch it. */
    public record TrackedShipment(String carrier, String trackerToken, String reference, String coordinatorToken) {
    }

    public TrackedShipment trackedShipment() {
        return trackedShipment(org("carrier"));
    }

    /** A shipment of {@code carrier} with a tracker of its own. */
    public TrackedShipment trackedShipment(String carrier) {
        String trackerId = unique("trk");
        String trackerToken = tracker(trackerId, carrier);
        String reference = (String) shipment(org("shipper"), carrier, trackerId, Map.of()).get("reference");
        return new TrackedShipment(carrier, trackerToken, reference, user(carrier, List.of("coordinator"), List.of()));
    }

    public Map<String, Object> get(String path, String token) {
        return http.retrieve(auth(HttpRequest.GET(path), token), Argument.mapOf(String.class, Object.class));
    }

    public Map<String, Object> post(String path, Object body, String token) {
        return http.retrieve(auth(HttpRequest.POST(path, body), token), Argument.mapOf(String.class, Object.class));
    }

    public List<Map<String, Object>> list(String path, String token) {
        return http.retrieve(auth(HttpRequest.GET(path), token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    public static <T> MutableHttpRequest<T> auth(MutableHttpRequest<T> request, String token) {
        return request.bearerAuth(token);
    }
}

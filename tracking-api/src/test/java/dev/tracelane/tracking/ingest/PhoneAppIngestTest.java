package dev.tracelane.tracking.ingest;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.StoredEvents;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The OsmAnd / Traccar Client and OwnTracks protocols, with requests shaped exactly as those apps send them. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneAppIngestTest implements TestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DataSource dataSource;

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    private String trackerId;
    private String token;

    @BeforeEach
    void registerTracker() {
        Api.Tracker tracker = new Api(client.toBlocking()).newTracker();
        trackerId = tracker.id();
        token = tracker.token();
    }

    @Test
    void osmAndQueryIsStoredWithSpeedConvertedFromKnots() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?id=" + trackerId
                + "&timestamp=1795428900&lat=41.8781&lon=-87.6298&speed=10&bearing=90.5&altitude=181"
                + "&accuracy=8&batt=77&token=" + token)).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> row = stored();
        assertThat(row.get("ts")).isEqualTo("2026-11-23 10:15:00+00");
        assertThat((Double) row.get("speed")).isCloseTo(5.144, within(0.001));
        assertThat(row).containsEntry("heading", 90.5).containsEntry("battery", 77.0).containsEntry("lat", 41.8781);
    }

    @Test
    void traccarClientPostWithParametersInTheUrlIsStored() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?id=" + trackerId
                        + "&timestamp=1795428900000&lat=41.9&lon=-87.7&speed=0&token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stored()).containsEntry("lat", 41.9);
    }

    @Test
    void aPostWithParametersInTheUrlAndNoContentTypeIsStored() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?id=" + trackerId
                        + "&timestamp=1795428900000&lat=41.95&lon=-87.7&token=" + token))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stored()).containsEntry("lat", 41.95);
    }

    @Test
    void osmAndFormBodyIsStored() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=" + trackerId
                        + "&timestamp=2026-11-23T10:15:00Z&lat=42.1&lon=-87.8")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stored()).containsEntry("lat", 42.1);
    }

    @Test
    void traccarClientJsonBodyIsStoredWithBatteryAsPercent() throws Exception {
        String body = """
                {"location":{"timestamp":"2026-11-23T10:15:00.000Z","coords":{"latitude":41.88,"longitude":-87.63,
                "accuracy":5,"speed":12.5,"heading":-1,"altitude":180},"is_moving":true,"odometer":1200,
                "event":"motionchange","battery":{"level":0.42,"is_charging":false},"activity":{"type":"in_vehicle"},
                "extras":{}},"device_id":"%s"}""".formatted(trackerId);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?token=" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> row = stored();
        assertThat(row).containsEntry("speed", 12.5).containsEntry("battery", 42.0).containsEntry("event", "motionchange");
        assertThat(row.get("heading")).isNull();
    }

    @Test
    void osmAndWithAnotherDevicesIdIsForbidden() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?id=someone-else"
                + "&timestamp=1795428900&lat=41.8781&lon=-87.6298&token=" + token)).GET());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("wrong_tracker");
    }

    @Test
    void osmAndOutOfRangeLatitudeIsA400WithItsCode() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?id=" + trackerId
                + "&timestamp=1795428900&lat=123&lon=-87.6298&token=" + token)).GET());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_lat");
    }

    @Test
    void osmAndWithoutATimestampIsA400NamingTheAppsParameter() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?id=" + trackerId
                + "&lat=41.8781&lon=-87.6298&token=" + token)).GET());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("missing_ts").contains("timestamp is required");
    }

    @Test
    void osmAndWithAnUnreadableTimestampIsA400NamingTheAppsParameterAndItsForms() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?id=" + trackerId
                + "&timestamp=abc&lat=41.8781&lon=-87.6298&token=" + token)).GET());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_ts")
                .contains("timestamp must be epoch seconds, epoch milliseconds or ISO-8601 with an offset");
    }

    @Test
    void osmAndWithoutTokenIs401() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest/osmand?id=" + trackerId
                + "&timestamp=1795428900&lat=41&lon=-87")).GET());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void ownTracksLocationIsStoredWithSpeedConvertedFromKmh() throws Exception {
        String body = """
                {"_type":"location","tid":"tr","lat":41.8781,"lon":-87.6298,"tst":1795428900,"acc":12,"alt":181,
                 "vel":36,"cog":270,"batt":64,"bs":1,"conn":"m","t":"u","created_at":1795428901}""";
        HttpResponse<String> response = send(ownTracks(body, trackerId, token));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        Map<String, Object> row = stored();
        assertThat(row).containsEntry("speed", 10.0).containsEntry("heading", 270.0).containsEntry("battery", 64.0)
                .containsEntry("accuracy", 12.0);
    }

    @Test
    void ownTracksNonLocationMessagesAreAnsweredAndNotStored() throws Exception {
        HttpResponse<String> response = send(ownTracks("{\"_type\":\"lwt\",\"tst\":1795428900}", trackerId, token));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new StoredEvents(dataSource, trackerId).count()).isZero();
    }

    @Test
    void ownTracksWithAnotherTrackersIdInBasicAuthIs401() throws Exception {
        HttpResponse<String> response = send(ownTracks(
                "{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"tst\":1795428900}", "someone-else", token));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theSameReadingSentTwiceIsStoredOnce() throws Exception {
        String body = "{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"tst\":1795428900}";
        assertThat(send(ownTracks(body, trackerId, token)).statusCode()).isEqualTo(200);
        assertThat(send(ownTracks(body, trackerId, token)).statusCode()).isEqualTo(200);
        assertThat(new StoredEvents(dataSource, trackerId).count()).isEqualTo(1);
    }

    private static HttpRequest.Builder ownTracks(String body, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://placeholder")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").header("X-Limit-U", user)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        HttpRequest request = builder.build();
        if (request.uri().getHost().equals("placeholder")) {
            request = HttpRequest.newBuilder(request, (n, v) -> true).uri(uri("/ingest/owntracks")).build();
        }
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private Map<String, Object> stored() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' AS ts, lat, lon, speed,
                            heading, accuracy, altitude, battery, event
                       FROM tracking_events WHERE tracker_id = ?""")) {
            ps.setString(1, trackerId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a stored event").isTrue();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return row;
            }
        }
    }
}

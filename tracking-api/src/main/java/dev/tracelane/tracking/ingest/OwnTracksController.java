package dev.tracelane.tracking.ingest;

import static dev.tracelane.tracking.ingest.JsonFields.number;
import static dev.tracelane.tracking.ingest.JsonFields.textOrNumber;

import dev.tracelane.tracking.identity.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * OwnTracks in HTTP mode: a JSON message per request, the device identified by HTTP Basic (tracker id and
 * device token). Only {@code _type: location} carries a reading; other message types are answered and dropped.
 * The app expects a JSON array back (messages for it): always empty here.
 */
@Controller("/ingest/owntracks")
@Secured(Roles.TRACKER)
public class OwnTracksController {
    private static final double KMH_TO_MS = 1 / 3.6;
    private final HttpIngest ingest;
    private final JsonMapper json;

    public OwnTracksController(HttpIngest ingest, JsonMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public CompletableFuture<HttpResponse<?>> receive(@Body String body, Authentication device) {
        try {
            JsonNode message = json.readValue(body, JsonNode.class);
            if (message == null || !message.isObject()) {
                throw new RejectedEventException("bad_json", "expected an OwnTracks JSON object");
            }
            if (!"location".equals(textOrNumber(message, "_type"))) {
                return CompletableFuture.completedFuture(HttpResponse.ok(List.of()));
            }
            Double tst = number(message, "tst");
            Double kmh = number(message, "vel");
            Reading reading = new Reading(null,
                    tst == null ? null : Instant.ofEpochSecond(tst.longValue()),
                    number(message, "lat"), number(message, "lon"), kmh == null ? null : kmh * KMH_TO_MS,
                    number(message, "cog"), number(message, "acc"), number(message, "alt"),
                    null, null, number(message, "batt"), null);
            return ingest.store(device.getName(), List.of(reading), List.of());
        } catch (IOException e) {
            return CompletableFuture.completedFuture(
                    HttpIngest.badRequest(new RejectedEventException("bad_json", "body is not valid JSON")));
        } catch (RejectedEventException e) {
            return CompletableFuture.completedFuture(HttpIngest.badRequest(e));
        }
    }

}

package dev.tracelane.tracking.ingest;

import dev.tracelane.tracking.identity.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The OsmAnd / Traccar Client protocol: parameters in the query or a form (speed in knots), or the Traccar Client
 * JSON body (speed in m/s, battery 0..1). The {@code id} parameter, when sent, must name the token's tracker.
 */
@Controller("/ingest/osmand")
@Secured(Roles.TRACKER)
public class OsmAndController {
    private static final double KNOTS_TO_MS = 1852.0 / 3600.0;
    private final HttpIngest ingest;
    private final JsonMapper json;

    public OsmAndController(HttpIngest ingest, JsonMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @Get
    public CompletableFuture<HttpResponse<?>> query(HttpRequest<?> request, Authentication device) {
        return fromParameters(flatten(request.getParameters(), new HashMap<>()), device);
    }

    /**
     * One route for every body: devices post parameters in the URL with no body and often no Content-Type, which
     * two routes told apart by Content-Type could not both take (Micronaut answered "more than 1 route matched").
     */
    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public CompletableFuture<HttpResponse<?>> post(HttpRequest<?> request, @Nullable @Body String body,
                                                   Authentication device) {
        if (request.getContentType().filter(MediaType.APPLICATION_JSON_TYPE::matches).isPresent()) {
            return traccarJson(body == null ? "" : body, device);
        }
        Map<String, String> parameters = flatten(request.getParameters(), new HashMap<>());
        if (body != null && !body.isBlank()) {
            new QueryStringDecoder(body.strip(), StandardCharsets.UTF_8, false).parameters()
                    .forEach((name, values) -> parameters.put(name, values.get(0)));
        }
        return fromParameters(parameters, device);
    }

    private CompletableFuture<HttpResponse<?>> traccarJson(String body, Authentication device) {
        JsonNode root;
        try {
            root = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return done(HttpIngest.badRequest(new RejectedEventException("bad_json", "body is not valid JSON")));
        }
        if (root == null || !root.isObject() || root.get("location") == null) {
            return done(HttpIngest.badRequest(new RejectedEventException("bad_json",
                    "expected {\"device_id\", \"location\": {...}}")));
        }
        if (!namesDevice(JsonFields.textOrNumber(root, "device_id"), device)) {
            return done(forbidden());
        }
        try {
            return ingest.store(device.getName(), List.of(TraccarJson.reading(root.get("location"))), "");
        } catch (RejectedEventException e) {
            return done(HttpIngest.badRequest(e));
        }
    }

    private CompletableFuture<HttpResponse<?>> fromParameters(Map<String, String> p, Authentication device) {
        if (!namesDevice(p.get("id"), device) || !namesDevice(p.get("deviceid"), device)) {
            return done(forbidden());
        }
        try {
            if (!p.containsKey("timestamp")) { // named as the app sends it, not as the socket's "ts"
                throw new RejectedEventException("missing_ts", "timestamp is required");
            }
            Double speedKnots = number(p, "speed");
            Reading reading = new Reading(null, Timestamps.flexible("timestamp", p.get("timestamp")),
                    number(p, "lat"), number(p, "lon"),
                    speedKnots == null ? null : speedKnots * KNOTS_TO_MS,
                    number(p, "bearing"), number(p, "accuracy"), number(p, "altitude"), null, null,
                    number(p, "batt"), null);
            return ingest.store(device.getName(), List.of(reading), "");
        } catch (RejectedEventException e) {
            return done(HttpIngest.badRequest(e));
        }
    }

    private static boolean namesDevice(String claimed, Authentication device) {
        return claimed == null || claimed.equals(device.getName());
    }

    private static HttpResponse<?> forbidden() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new HttpIngest.IngestError(
                "the device token belongs to another tracker", "wrong_tracker"));
    }

    private static Double number(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new RejectedEventException("invalid_" + ("timestamp".equals(name) ? "ts" : name),
                    name + " must be a number");
        }
    }

    private static Map<String, String> flatten(ConvertibleMultiValues<String> values, Map<String, String> into) {
        values.forEach((name, list) -> {
            if (!list.isEmpty()) {
                into.put(name, list.get(0));
            }
        });
        return into;
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}

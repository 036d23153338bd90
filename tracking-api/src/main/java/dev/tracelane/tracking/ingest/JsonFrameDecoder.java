package dev.tracelane.tracking.ingest;

import static dev.tracelane.tracking.ingest.JsonFields.number;
import static dev.tracelane.tracking.ingest.JsonFields.text;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a {@code /ws/trackers} frame: one JSON object or an array of them. Each element succeeds or fails on
 * its own, so one bad reading never costs the rest of the batch.
 */
@Singleton
public class JsonFrameDecoder {
    private final JsonMapper jsonMapper;
    private final EventRules rules;

    public JsonFrameDecoder(JsonMapper jsonMapper, EventRules rules) {
        this.jsonMapper = jsonMapper;
        this.rules = rules;
    }

    /**
     * @throws RejectedEventException with code {@code bad_json}, {@code empty_batch} or {@code batch_too_large}
     *                                for the whole frame
     */
    public ParsedEvents decode(String trackerId, String frame, int maxBatch) {
        JsonNode root;
        try {
            root = jsonMapper.readValue(frame, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new RejectedEventException("bad_json", "frame is not valid JSON");
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new RejectedEventException("bad_json", "frame must be a JSON object or an array of objects");
        }
        List<JsonNode> elements = new ArrayList<>();
        if (root.isArray()) {
            if (root.size() == 0) { // answered, or a device waiting for its ack would wait forever
                throw new RejectedEventException("empty_batch", "a batch holds at least one event");
            }
            if (root.size() > maxBatch) {
                throw new RejectedEventException("batch_too_large", "a batch holds at most " + maxBatch + " events");
            }
            root.values().forEach(elements::add);
        } else {
            elements.add(root);
        }
        List<TrackingEvent> accepted = new ArrayList<>(elements.size());
        List<Rejection> rejected = new ArrayList<>(0);
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String id = null;
            try {
                if (!element.isObject()) {
                    throw new RejectedEventException("not_an_object", "each event must be a JSON object");
                }
                id = clientId(element.get("id"));
                accepted.add(rules.check(trackerId, reading(id, element)));
            } catch (RejectedEventException e) {
                rejected.add(new Rejection(id, root.isArray() ? i : null, e.code(), e.getMessage()));
            }
        }
        return new ParsedEvents(accepted, rejected);
    }

    private static Reading reading(String id, JsonNode o) {
        return new Reading(id, ts(o.get("ts")), number(o, "lat"), number(o, "lon"), number(o, "speed"),
                number(o, "heading"), number(o, "accuracy"), number(o, "altitude"), number(o, "temperature"),
                number(o, "humidity"), number(o, "battery"), text(o, "event"));
    }

    private static String clientId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNumber()) {
            return node.coerceStringValue();
        }
        throw new RejectedEventException("invalid_id", "id must be a string or a number");
    }

    private static Instant ts(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return Timestamps.iso(node.getStringValue());
        }
        if (node.isNumber()) {
            return Timestamps.epochMillis(node.getDoubleValue());
        }
        throw new RejectedEventException("invalid_ts", "ts must be ISO-8601 text or epoch milliseconds");
    }


}

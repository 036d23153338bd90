package dev.tracelane.tracking.live;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a batch frame back into the updates it carries, as a client does (docs/live.md, "Topics"). */
final class BatchFrames {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private BatchFrames() {
    }

    /** Every update of a batch frame, position rows first, as {@code {type, topic, seq, kind, data}} maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> updates(Map<String, Object> batch) {
        List<String> columns = (List<String>) batch.get("columns");
        List<Map<String, Object>> updates = new ArrayList<>();
        for (List<Object> row : (List<List<Object>>) batch.get("positions")) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (int i = 1; i < row.size(); i++) {
                if (row.get(i) != null) {
                    data.put(columns.get(i), row.get(i));
                }
            }
            updates.add(Map.of("type", "update", "topic", batch.get("topic"), "seq", row.get(0),
                    "kind", "position", "data", data));
        }
        updates.addAll((List<Map<String, Object>>) batch.get("messages"));
        return updates;
    }

    static List<Map<String, Object>> updates(String frame) {
        return updates(parse(frame));
    }

    /** The seqs of a batch frame's updates, position rows first. */
    static List<Long> seqs(String frame) {
        return updates(frame).stream().map(u -> ((Number) u.get("seq")).longValue()).toList();
    }

    static Map<String, Object> parse(String frame) {
        try {
            return JSON.readValue(frame, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

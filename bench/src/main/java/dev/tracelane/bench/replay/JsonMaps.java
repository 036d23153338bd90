package dev.tracelane.bench.replay;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Typed reads from a parsed JSON object; a missing, null or mistyped member reads as null. */
final class JsonMaps {
    private JsonMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static String text(Map<String, Object> object, String name) {
        return object.get(name) instanceof String s ? s : null;
    }

    static Double number(Map<String, Object> object, String name) {
        return object.get(name) instanceof Number n ? n.doubleValue() : null;
    }

    /** ISO-8601 with an offset, as the service writes times; epoch milliseconds are accepted too. */
    static Instant instant(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

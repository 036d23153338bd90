package dev.tracelane.tracking.ingest;

import io.micronaut.json.tree.JsonNode;

/** Typed reads of optional JSON fields; a wrong type rejects the event with {@code invalid_<field>}. */
final class JsonFields {
    private JsonFields() {
    }

    static Double number(JsonNode parent, String field) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw new RejectedEventException("invalid_" + field, field + " must be a number");
        }
        return node.getDoubleValue();
    }

    static String text(JsonNode parent, String field) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw new RejectedEventException("invalid_" + field, field + " must be a string");
        }
        return node.getStringValue();
    }

    /** Numbers and strings both read as text: device ids and message types come either way. */
    static String textOrNumber(JsonNode parent, String field) {
        JsonNode node = present(parent, field);
        return node == null ? null : node.coerceStringValue();
    }

    private static JsonNode present(JsonNode parent, String field) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node;
    }
}

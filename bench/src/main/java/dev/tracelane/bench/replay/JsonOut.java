package dev.tracelane.bench.replay;

import dev.tracelane.bench.Json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes one JSON object with nested objects, member by member; NaN numbers are written as null. */
final class JsonOut {
    private final StringBuilder out = new StringBuilder("{");
    private final Deque<Boolean> empty = new ArrayDeque<>();

    JsonOut() {
        empty.push(true);
    }

    JsonOut field(String name, String value) {
        return raw(name, value == null ? "null" : Json.quote(value));
    }

    JsonOut field(String name, long value) {
        return raw(name, Long.toString(value));
    }

    JsonOut field(String name, boolean value) {
        return raw(name, Boolean.toString(value));
    }

    JsonOut field(String name, double value) {
        return raw(name, Double.isNaN(value) || Double.isInfinite(value) ? "null"
                : String.format(Locale.ROOT, "%.4f", value).replaceAll("\\.?0+$", ""));
    }

    JsonOut field(String name, List<String> values) {
        return raw(name, values.stream().map(Json::quote).collect(Collectors.joining(",", "[", "]")));
    }

    JsonOut begin(String name) {
        raw(name, "{");
        empty.push(true);
        return this;
    }

    JsonOut end() {
        empty.pop();
        out.append('}');
        return this;
    }

    @Override
    public String toString() {
        if (empty.size() != 1) {
            throw new IllegalStateException("an object was begun and not ended");
        }
        return out + "}";
    }

    private JsonOut raw(String name, String value) {
        if (!empty.pop()) {
            out.append(',');
        }
        empty.push(false);
        out.append(Json.quote(name)).append(':').append(value);
        return this;
    }
}

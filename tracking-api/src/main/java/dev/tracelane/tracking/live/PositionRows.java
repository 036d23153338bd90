package dev.tracelane.tracking.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Position updates as a fleet batch carries them: one JSON array per update, its values in the order of
 * {@link #COLUMNS}, absent trailing values left out. A fleet dashboard receives every position in its scope, and
 * the keys and envelope each update repeated as a frame of its own were over half its bytes.
 */
final class PositionRows {
    static final List<String> COLUMNS = List.of("seq", "ref", "ts", "lat", "lon", "speed", "heading", "temperature");
    static final String COLUMNS_JSON = COLUMNS.stream().map(c -> "\"" + c + "\"")
            .collect(Collectors.joining(",", "[", "]"));
    /** Thread-safe once configured; parses the few small objects a position's data is. */
    private static final JsonFactory JSON = new JsonFactory();

    private PositionRows() {
    }

    /** @param data the position's {@code data} object as stored; keys other than the columns are ignored */
    static String row(long seq, String data) {
        String[] values = new String[COLUMNS.size()];
        values[0] = Long.toString(seq);
        int last = 0;
        try (JsonParser p = JSON.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a position's data is an object: " + data);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int column = COLUMNS.indexOf(p.currentName());
                JsonToken value = p.nextToken();
                if (column > 0 && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    values[column] = value == JsonToken.VALUE_STRING ? LiveFrames.quote(p.getText()) : p.getText();
                    last = Math.max(last, column);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder row = new StringBuilder(96).append('[');
        for (int i = 0; i <= last; i++) {
            row.append(i == 0 ? "" : ",").append(values[i] == null ? "null" : values[i]);
        }
        return row.append(']').toString();
    }
}

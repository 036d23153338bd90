package dev.tracelane.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * Just enough JSON for the few fixed shapes the service answers with (login, registration, ack, error): the
 * generator shares two cores with the service, so it reads fields in place instead of building object trees.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** @return the string value of the first member called {@code name}, or null when absent or not a string */
    public static String stringField(String json, String name) {
        int at = valueStart(json, name);
        return at >= 0 && at < json.length() && json.charAt(at) == '"' ? readString(json, at) : null;
    }

    /** @return the integer value of the first member called {@code name}, or -1 when absent */
    static int intField(String json, String name) {
        int at = valueStart(json, name);
        if (at < 0) {
            return -1;
        }
        int end = at;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return end == at ? -1 : Integer.parseInt(json, at, end, 10);
    }

    /** @return the first element of the array member called {@code name} if it is a string, else null */
    static String firstArrayString(String json, String name) {
        int at = valueStart(json, name);
        if (at < 0 || at >= json.length() || json.charAt(at) != '[') {
            return null;
        }
        at = skipSpace(json, at + 1);
        return at < json.length() && json.charAt(at) == '"' ? readString(json, at) : null;
    }

    private static int valueStart(String json, String name) {
        String key = '"' + name + '"';
        int at = json.indexOf(key);
        if (at < 0) {
            return -1;
        }
        at = skipSpace(json, at + key.length());
        if (at >= json.length() || json.charAt(at) != ':') {
            return -1;
        }
        return skipSpace(json, at + 1);
    }

    private static int skipSpace(String json, int at) {
        while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String readString(String json, int openingQuote) {
        StringBuilder out = new StringBuilder();
        for (int i = openingQuote + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\' || i + 1 >= json.length()) {
                out.append(c);
                continue;
            }
            char escaped = json.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 5 > json.length()) {
                        return null;
                    }
                    out.append((char) Integer.parseInt(json, i + 1, i + 5, 16));
                    i += 4;
                }
                default -> out.append(escaped);
            }
        }
        return null;
    }

    /**
     * The whole document as maps (in member order), lists, strings, numbers, booleans and nulls, by Jackson. For
     * answers read a few hundred times a run (ETAs, alerts, shipments), where reading fields in place would be
     * fragile.
     *
     * @throws IllegalArgumentException when the text is not one JSON value
     */
    public static Object parse(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}

package dev.tracelane.tracking.live;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON of server frames (CONTRACT.md, "Live out"). Built as text because each message's {@code data} is
 * already JSON from the table; topic names arrive quoted.
 */
final class LiveFrames {
    private LiveFrames() {
    }

    static String single(String quotedTopic, long seq, String kind, String data) {
        if ("alert".equals(kind)) {
            return "{\"type\":\"alert\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + ",\"alert\":" + data + "}";
        }
        return "{\"type\":\"update\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + ",\"kind\":\"" + kind
                + "\",\"data\":" + data + "}";
    }

    /** Several messages of one topic in one frame: each element is the frame it would have been alone. */
    static String batch(String quotedTopic, List<LiveMessage> messages) {
        return "{\"type\":\"batch\",\"topic\":" + quotedTopic + ",\"seq\":" + messages.get(messages.size() - 1).seq()
                + ",\"messages\":[" + messages.stream().map(m -> m.frame().text()).collect(Collectors.joining(","))
                + "]}";
    }

    /** A JSON string literal: topic names carry shipment references, which are free text. */
    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    static String resync(String quotedTopic, long seq) {
        return "{\"type\":\"resync\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + "}";
    }

    static String error(String quotedTopic, String code, String message) {
        return "{\"type\":\"error\"" + (quotedTopic == null ? "" : ",\"topic\":" + quotedTopic) + ",\"code\":\"" + code
                + "\",\"message\":" + quote(message) + "}";
    }

    static String subscribed(String quotedTopic, long seq) {
        return "{\"type\":\"subscribed\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + "}";
    }
}

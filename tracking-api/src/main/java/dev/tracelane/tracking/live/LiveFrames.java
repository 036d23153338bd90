package dev.tracelane.tracking.live;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Server frames (CONTRACT.md, "Live out"). Built as text because each message's {@code data} is already JSON
 * from the table; topic names arrive quoted.
 */
final class LiveFrames {
    private LiveFrames() {
    }

    static LiveFrame single(String quotedTopic, long seq, String kind, String data) {
        if ("alert".equals(kind)) {
            return new LiveFrame("{\"type\":\"alert\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + ",\"alert\":"
                    + data + "}");
        }
        return new LiveFrame("{\"type\":\"update\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + ",\"kind\":\""
                + kind + "\",\"data\":" + data + "}");
    }

    /** Several messages of one topic in one frame: each element is the frame it would have been alone. */
    static LiveFrame batch(String quotedTopic, List<LiveMessage> messages) {
        return new LiveFrame("{\"type\":\"batch\",\"topic\":" + quotedTopic + ",\"seq\":" + messages.get(messages.size() - 1).seq()
                + ",\"messages\":[" + messages.stream().map(m -> m.frame().text()).collect(Collectors.joining(","))
                + "]}");
    }

    /** A JSON string literal: topic names carry shipment references, which are free text. */
    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    static LiveFrame resync(String quotedTopic, long seq) {
        return new LiveFrame("{\"type\":\"resync\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + "}");
    }

    static LiveFrame error(String quotedTopic, String code, String message) {
        return new LiveFrame("{\"type\":\"error\"" + (quotedTopic == null ? "" : ",\"topic\":" + quotedTopic)
                + ",\"code\":\"" + code + "\",\"message\":" + quote(message) + "}");
    }

    static LiveFrame subscribed(String quotedTopic, long seq) {
        return new LiveFrame("{\"type\":\"subscribed\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + "}");
    }
}

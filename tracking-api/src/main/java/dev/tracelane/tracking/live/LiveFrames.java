package dev.tracelane.tracking.live;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON of server frames (CONTRACT.md, "Live out"). Built as text because each message's {@code data} is
 * already JSON from the table; topic names arrive quoted.
 */
final class LiveFrames {
    private LiveFrames() {
    }

    static String single(String quotedTopic, LiveMessage m) {
        if ("alert".equals(m.kind())) {
            return "{\"type\":\"alert\",\"topic\":" + quotedTopic + ",\"seq\":" + m.seq() + ",\"alert\":" + m.data()
                    + "}";
        }
        return "{\"type\":\"update\",\"topic\":" + quotedTopic + ",\"seq\":" + m.seq() + ",\"kind\":\"" + m.kind()
                + "\",\"data\":" + m.data() + "}";
    }

    /** Several messages of one topic in one frame: each element is the frame it would have been alone. */
    static String batch(String quotedTopic, List<LiveMessage> messages) {
        return "{\"type\":\"batch\",\"topic\":" + quotedTopic + ",\"seq\":" + messages.get(messages.size() - 1).seq()
                + ",\"messages\":[" + messages.stream().map(m -> single(quotedTopic, m)).collect(Collectors.joining(","))
                + "]}";
    }

    static String resync(String quotedTopic, long seq) {
        return "{\"type\":\"resync\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + "}";
    }

    static String error(String quotedTopic, String code, String message) {
        return "{\"type\":\"error\"" + (quotedTopic == null ? "" : ",\"topic\":" + quotedTopic) + ",\"code\":\"" + code
                + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
    }

    static String subscribed(String quotedTopic, long seq) {
        return "{\"type\":\"subscribed\",\"topic\":" + quotedTopic + ",\"seq\":" + seq + "}";
    }
}

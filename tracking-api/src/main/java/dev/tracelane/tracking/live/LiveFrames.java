package dev.tracelane.tracking.live;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.List;
import java.util.function.Function;

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

    /**
     * Several messages of one topic in one frame: positions as compact rows ({@link PositionRows}), every other
     * message as the frame it would have been alone; each list in seq order, the frame's seq the highest.
     */
    static LiveFrame batch(String quotedTopic, List<LiveMessage> messages) {
        StringBuilder frame = new StringBuilder(128 + 96 * messages.size()).append("{\"type\":\"batch\",\"topic\":")
                .append(quotedTopic).append(",\"seq\":").append(messages.get(messages.size() - 1).seq())
                .append(",\"columns\":").append(PositionRows.COLUMNS_JSON).append(",\"positions\":[");
        appendEach(frame, messages, true, m -> PositionRows.row(m.seq(), m.data()));
        frame.append("],\"messages\":[");
        appendEach(frame, messages, false, m -> m.frame().text());
        return new LiveFrame(frame.append("]}").toString());
    }

    private static void appendEach(StringBuilder frame, List<LiveMessage> messages, boolean positions,
                                   Function<LiveMessage, String> text) {
        String comma = "";
        for (LiveMessage m : messages) {
            if (m.isPosition() == positions) {
                frame.append(comma).append(text.apply(m));
                comma = ",";
            }
        }
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

    static LiveFrame unsubscribed(String quotedTopic) {
        return new LiveFrame("{\"type\":\"unsubscribed\",\"topic\":" + quotedTopic + "}");
    }
}

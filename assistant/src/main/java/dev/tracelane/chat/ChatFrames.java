package dev.tracelane.chat;

import dev.tracelane.agent.Citation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's chat messages (CONTRACT.md, "Chat"), as maps the JSON mapper writes. */
final class ChatFrames {
    private ChatFrames() {
    }

    static Map<String, Object> ack(String clientMsgId, String conversationId, String msg) {
        return frame("chat.ack", "clientMsgId", clientMsgId, "conversationId", conversationId, "msg", msg);
    }

    static Map<String, Object> progress(String msg, String tool, String label, String state) {
        return frame("chat.progress", "msg", msg, "tool", tool, "label", label, "state", state);
    }

    static Map<String, Object> delta(String msg, int idx, String text) {
        return frame("chat.delta", "msg", msg, "idx", idx, "text", text);
    }

    static Map<String, Object> fin(String msg, long seq, String text, List<Citation> citations, String conversationId) {
        return frame("chat.final", "msg", msg, "seq", seq, "text", text, "citations", citations,
                "conversationId", conversationId);
    }

    static Map<String, Object> error(String msg, String code, String message) {
        return frame("chat.error", "msg", msg, "code", code, "message", message);
    }

    static Map<String, Object> alert(long seq, String conversationId, String text, Object alert) {
        return frame("alert", "seq", seq, "conversationId", conversationId, "text", text, "alert", alert);
    }

    private static Map<String, Object> frame(String type, Object... pairs) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        for (int i = 0; i < pairs.length; i += 2) {
            frame.put((String) pairs[i], pairs[i + 1]);
        }
        return frame;
    }
}

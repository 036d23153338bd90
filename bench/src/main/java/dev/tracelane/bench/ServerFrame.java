package dev.tracelane.bench;

/** What the service says on {@code /ws/trackers} (CONTRACT.md, "Trackers in"), reduced to what the bench uses. */
public sealed interface ServerFrame {

    /** @param firstId the first acked event id, which names the batch the ack belongs to */
    record Ack(String firstId, int count) implements ServerFrame {
    }

    /** @param id the refused event, or null when the whole frame was refused */
    record Refusal(String id, String code) implements ServerFrame {
    }

    record Other(String text) implements ServerFrame {
    }

    static ServerFrame parse(String text) {
        String type = Json.stringField(text, "type");
        if ("ack".equals(type)) {
            int count = Json.intField(text, "count");
            return count < 0 ? new Other(text) : new Ack(Json.firstArrayString(text, "ids"), count);
        }
        if ("error".equals(type)) {
            String code = Json.stringField(text, "code");
            return new Refusal(Json.stringField(text, "id"), code == null ? "(no code)" : code);
        }
        return new Other(text);
    }
}

package dev.tracelane.model.builtin;

import java.util.List;
import java.util.Map;

/**
 * What the built-in model decided for a user message: tool calls to make, or a reply without tools.
 *
 * @param calls tool name and its arguments, in order
 * @param reply the answer when no tool is needed (greeting, help, a question it cannot handle)
 */
record Plan(String intent, List<Call> calls, String reply) {

    record Call(String tool, Map<String, Object> arguments) {
    }

    static Plan reply(String intent, String text) {
        return new Plan(intent, List.of(), text);
    }

    static Plan call(String intent, List<Call> calls) {
        return new Plan(intent, calls, null);
    }
}

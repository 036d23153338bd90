package dev.tracelane.chat;

import dev.tracelane.agent.Citation;

import java.util.List;

/** Where a turn's messages go (CONTRACT.md, "Chat"): a socket, or a collector for {@code POST /api/chat}. */
public interface TurnListener {
    void ack(String clientMsgId, String conversationId, String msg);

    /** @param state started or done */
    void progress(String msg, String tool, String label, String state);

    /** A tool the agent calls, with its arguments as the model wrote them (JSON); sockets show progress instead. */
    default void toolCall(String msg, String tool, String arguments) {
    }

    void delta(String msg, int idx, String text);

    void fin(String msg, long seq, String text, List<Citation> citations);

    /** @param code bad_request, not_found, rate_limited, model_error or unavailable */
    void error(String msg, String code, String message);
}

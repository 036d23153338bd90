package dev.tracelane.agent;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.shipment.Scope;
import dev.langchain4j.invocation.InvocationParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who is asking, and what the tools consulted, for one turn of a conversation. It travels to the tools in
 * LangChain4j's {@link InvocationParameters}, out of the model's sight: the model never names the user.
 */
public final class TurnContext {
    private static final String KEY = "tracelane.turn";
    private final Caller caller;
    private final Scope scope;
    private final List<Citation> citations = new ArrayList<>();

    public TurnContext(Caller caller) {
        this.caller = caller;
        this.scope = Scope.of(caller);
    }

    public InvocationParameters parameters() {
        return InvocationParameters.from(Map.of(KEY, this));
    }

    static TurnContext of(InvocationParameters parameters) {
        TurnContext context = parameters.get(KEY);
        if (context == null) {
            throw new IllegalStateException("a tool ran outside a chat turn");
        }
        return context;
    }

    public Caller caller() {
        return caller;
    }

    Scope scope() {
        return scope;
    }

    synchronized void cite(Citation citation) {
        if (!citations.contains(citation)) {
            citations.add(citation);
        }
    }

    public synchronized List<Citation> citations() {
        return List.copyOf(citations);
    }
}

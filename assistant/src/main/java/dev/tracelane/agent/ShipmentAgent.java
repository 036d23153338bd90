package dev.tracelane.agent;

import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** The assistant as a LangChain4j AI service: one conversation's turn, streamed, tools called on the way. */
public interface ShipmentAgent {

    @SystemMessage("{{system}}")
    TokenStream chat(@MemoryId String conversationId, @UserMessage String text, @V("system") String system,
                     InvocationParameters parameters);
}

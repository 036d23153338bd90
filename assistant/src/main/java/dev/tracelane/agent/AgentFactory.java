package dev.tracelane.agent;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Assembles the agent: the chosen model, the tools, and memory persisted per conversation. */
@Factory
class AgentFactory {
    /** Enough for the follow-ups people make, small enough to keep every turn's prompt short. */
    private static final int MEMORY_MESSAGES = 40;
    private static final int MAX_TOOL_ROUNDS = 6;

    @Singleton
    ShipmentAgent agent(StreamingChatModel model, ToolCatalog tools, ChatMemoryStore memory) {
        return AiServices.builder(ShipmentAgent.class)
                .streamingChatModel(model)
                .tools(tools.tools())
                .maxSequentialToolsInvocations(MAX_TOOL_ROUNDS)
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(MEMORY_MESSAGES)
                        .chatMemoryStore(memory).build())
                .build();
    }
}

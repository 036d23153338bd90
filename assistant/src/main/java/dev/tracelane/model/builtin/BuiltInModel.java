package dev.tracelane.model.builtin;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.FinishReason;
import dev.tracelane.agent.Prompts;
import dev.tracelane.safety.ReferenceGuard;
import dev.tracelane.tools.geo.PlaceIndex;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model that answers out of the box and offline. It speaks the same protocol as a remote LLM inside the
 * LangChain4j loop: given a user message it routes to an intent (sentence embeddings over the example
 * utterances in {@code prompts/}), finds references, places and times by rule, and returns tool calls; given
 * the tool results it phrases the answer from them. Follow-ups read the conversation it is handed.
 */
public final class BuiltInModel implements StreamingChatModel {
    private static final int WORDS_PER_CHUNK = 4;
    private final IntentRouter router;
    private final Planner planner;
    private final AnswerWriter writer = new AnswerWriter();
    private final JsonMapper json;
    private final Clock clock;

    public BuiltInModel(EmbeddingModel embeddings, Prompts prompts, PlaceIndex places, JsonMapper json, Clock clock) {
        this.router = new IntentRouter(embeddings, prompts.intentExamples());
        this.planner = new Planner(new Entities(places));
        this.json = json;
        this.clock = clock;
    }

    /** The same model for callers that want the whole answer at once. */
    public ChatModel blocking() {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return answer(request);
            }
        };
    }

    ChatResponse answer(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        Instant now = clock.instant();
        int userAt = lastUserMessage(messages);
        if (userAt < 0) {
            return text("Ask me about a shipment, for example \"where is " + ReferenceGuard.EXAMPLE_REFERENCE
                    + "?\"");
        }
        String userText = ((UserMessage) messages.get(userAt)).singleText();
        Plan plan = planner.plan(router.route(userText).intent(), userText,
                new Dialogue(messages.subList(0, userAt)), now);
        if (messages.get(messages.size() - 1) instanceof ToolExecutionResultMessage) {
            return text(writer.write(plan.intent(), userText, results(messages.subList(userAt + 1, messages.size())),
                    now));
        }
        if (plan.calls().isEmpty()) {
            return text(plan.reply());
        }
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (int i = 0; i < plan.calls().size(); i++) {
            Plan.Call call = plan.calls().get(i);
            calls.add(ToolExecutionRequest.builder().id("call_" + (i + 1)).name(call.tool())
                    .arguments(write(call.arguments())).build());
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(calls)).finishReason(FinishReason.TOOL_EXECUTION)
                .build();
    }

    /** The same answer, streamed a few words at a time as a remote model would. */
    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        ChatResponse response;
        try {
            response = answer(request);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        String text = response.aiMessage().text();
        if (text != null) {
            String[] words = text.split("(?<= )");
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < words.length; i++) {
                chunk.append(words[i]);
                if ((i + 1) % WORDS_PER_CHUNK == 0 || i == words.length - 1) {
                    handler.onPartialResponse(chunk.toString());
                    chunk.setLength(0);
                }
            }
        }
        handler.onCompleteResponse(response);
    }

    private static int lastUserMessage(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user && user.hasSingleText()) {
                return i;
            }
        }
        return -1;
    }

    /** The results of the tool calls made for the user's message, by tool name. */
    private Map<String, List<Map<String, Object>>> results(List<ChatMessage> since) {
        Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
        for (ChatMessage m : since) {
            if (m instanceof ToolExecutionResultMessage result) {
                results.computeIfAbsent(result.toolName(), k -> new ArrayList<>()).add(read(result.text()));
            }
        }
        return results;
    }

    private static ChatResponse text(String answer) {
        return ChatResponse.builder().aiMessage(AiMessage.from(answer)).finishReason(FinishReason.STOP).build();
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            return Map.of("error", text);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.tracelane.model;

import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.UserMessage;
import dev.tracelane.agent.ToolCatalog;
import dev.tracelane.agent.TurnContext;
import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.identity.Caller;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAI-compatible path through the real {@code langchain4j-open-ai} client, against a local server that
 * answers with {@code tool_calls} and then text: streamed through the chat API, and not streamed through the
 * same tools. What goes over the wire carries the tools' descriptions and the system prompt, never the user.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiLoopTest implements TestDatabase {
    private static final FakeOpenAi OPENAI = start();

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    ToolCatalog tools;
    @Inject
    JsonMapper json;

    private Api api;
    private String carrier;
    private String coordinator;
    private String reference;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.super.getProperties());
        properties.put("openai.api.key", "test-key");
        properties.put("openai.base.url", OPENAI.baseUrl());
        properties.put("openai.model", "fake-model");
        return properties;
    }

    @BeforeAll
    void aTruckNearJoliet() throws Exception {
        api = new Api(client.toBlocking());
        carrier = api.org("carrier");
        coordinator = api.user(carrier, List.of("coordinator"), List.of());
        String trackerId = Api.unique("trk");
        String token = api.tracker(trackerId, carrier);
        reference = (String) api.shipment(api.org("shipper"), carrier, trackerId, Map.of()).get("reference");
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send("{\"ts\":\"" + Instant.now().minusSeconds(60) + "\",\"lat\":41.58,\"lon\":-88.0}");
            assertThat(tracker.next()).contains("\"ack\"");
        }
    }

    @AfterAll
    void stop() {
        OPENAI.close();
    }

    @Test
    void aStreamedAnswerComesThroughTheToolLoopOfTheChatApi() {
        OPENAI.requests.clear();
        Map<String, Object> answer = client.toBlocking().retrieve(Api.auth(HttpRequest.POST("/api/chat",
                Map.of("text", "where is " + reference + "?")), coordinator), Argument.mapOf(String.class, Object.class));
        assertThat(answer.get("text")).isEqualTo(reference + " is near Joliet, IL (9 km NE of the centre).");
        assertThat(answer.get("tools")).isEqualTo(List.of("locate_shipment"));
        assertThat(OPENAI.requests).hasSize(2).allMatch(r -> Boolean.TRUE.equals(r.get("stream")));
    }

    @Test
    void theModelSeesToolDescriptionsFromPromptsAndTheSystemPromptButNotTheUser() throws Exception {
        OPENAI.requests.clear();
        client.toBlocking().retrieve(Api.auth(HttpRequest.POST("/api/chat", Map.of("text", "where is " + reference)),
                coordinator), Argument.mapOf(String.class, Object.class));
        String wire = json.writeValueAsString(OPENAI.requests.get(0));
        assertThat(wire).contains("locate_shipment").contains("Where a shipment is now")
                .contains("You are Tracelane's freight tracking assistant").doesNotContain(carrier);
    }

    @Test
    void aBlockingOpenAiModelRunsTheSameToolsInTheLangChain4jLoop() {
        OPENAI.requests.clear();
        interface Plain {
            String chat(@UserMessage String text, InvocationParameters parameters);
        }
        Plain plain = AiServices.builder(Plain.class)
                .chatModel(OpenAiChatModel.builder().apiKey("test-key").baseUrl(OPENAI.baseUrl()).modelName("fake")
                        .build())
                .tools(tools.tools())
                .build();
        Caller caller = new Caller("someone", carrier, Set.of("coordinator"), List.of());
        String answer = plain.chat("where is " + reference + "?", new TurnContext(caller).parameters());
        assertThat(answer).isEqualTo(reference + " is near Joliet, IL (9 km NE of the centre).");
        assertThat(OPENAI.requests).hasSize(2).noneMatch(r -> Boolean.TRUE.equals(r.get("stream")));
    }

    private static FakeOpenAi start() {
        try {
            return new FakeOpenAi(JsonMapper.createDefault());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

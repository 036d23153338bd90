package dev.tracelane.model;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.tracelane.agent.Prompts;
import dev.tracelane.model.builtin.BuiltInModel;
import dev.tracelane.tools.geo.PlaceIndex;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Chooses the chat model: any OpenAI-compatible endpoint when {@code OPENAI_API_KEY} is set (with
 * {@code OPENAI_BASE_URL} and {@code OPENAI_MODEL}), else the built-in model, so the product answers offline.
 */
@Factory
class ModelFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ModelFactory.class);

    @Singleton
    StreamingChatModel chatModel(@Value("${openai.api.key:}") String apiKey,
                                 @Value("${openai.base.url:https://api.openai.com/v1}") String baseUrl,
                                 @Value("${openai.model:gpt-4o-mini}") String model,
                                 Prompts prompts, PlaceIndex places, JsonMapper json, Clock clock) {
        if (!apiKey.isBlank()) {
            LOG.info("Chat model: {} at {}", model, baseUrl);
            return OpenAiStreamingChatModel.builder().apiKey(apiKey).baseUrl(baseUrl).modelName(model)
                    .timeout(Duration.ofSeconds(60)).build();
        }
        LOG.info("Chat model: built-in (no OPENAI_API_KEY)");
        return new BuiltInModel(new AllMiniLmL6V2EmbeddingModel(), prompts, places, json, clock);
    }
}

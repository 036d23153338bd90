package dev.tracelane.model;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the chat model in the background once the server is up: the built-in model loads its embedding
 * model and embeds its examples (a few seconds), which should neither delay start-up nor the first question.
 */
@Singleton
class ModelWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWarmUp.class);
    private final Provider<StreamingChatModel> model;

    ModelWarmUp(Provider<StreamingChatModel> model) {
        this.model = model;
    }

    @EventListener
    @Async
    void onStartup(ServerStartupEvent event) {
        long start = System.nanoTime();
        model.get();
        LOG.info("Chat model ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}

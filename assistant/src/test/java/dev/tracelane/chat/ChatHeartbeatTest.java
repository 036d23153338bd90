package dev.tracelane.chat;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat socket that only listens for alerts stays open past the server's idle timeout. */
@MicronautTest
@Property(name = "micronaut.server.idle-timeout", value = "2s")
@Property(name = "tracelane.chat.heartbeat", value = "500ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatHeartbeatTest implements TestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aQuietChatSocketOutlivesTheIdleTimeout() throws Exception {
        Api api = new Api(client.toBlocking());
        String user = api.user(api.org("carrier"), List.of("coordinator"), List.of());
        try (SocketClient chat = SocketClient.chat(server.getPort(), user)) {
            chat.readFor(5_000);
            assertThat(chat.isClosed()).isFalse();
        }
    }
}

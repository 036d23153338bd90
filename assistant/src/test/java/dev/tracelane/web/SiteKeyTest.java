package dev.tracelane.web;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Site keys: an org admin registers the origins that may embed the widget; the chat socket's handshake and the
 * chat API's CORS answer those origins only.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteKeyTest implements TestDatabase {
    /**
     * Origins on this machine: Micronaut refuses pages of remote origins that call a server on localhost
     * (drive-by protection), which would answer these tests before the site checks do.
     */
    private static final String SHOP = "http://localhost:4100";
    private static final String ELSEWHERE = "http://127.0.0.1:4200";
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    private Api api;
    private String org;
    private String orgAdmin;
    private String customer;
    private String siteKey;

    @BeforeAll
    void aShipperWithASite() {
        api = new Api(client.toBlocking());
        org = api.org("shipper");
        orgAdmin = api.user(org, List.of("admin"), List.of());
        customer = api.user(org, List.of("customer"), List.of());
        siteKey = (String) register(orgAdmin, Map.of("name", "Shop", "origins", List.of("HTTP://LOCALHOST:4100/"))).get("siteKey");
    }

    @Test
    void anOrgAdminRegistersASiteAndGetsAKeyWithItsOriginsAsBrowsersSendThem() {
        Map<String, Object> site = register(orgAdmin, Map.of("name", "Portal",
                "origins", List.of("HTTP://Portal.Example.com:8080", "http://localhost:3000")));
        assertThat((String) site.get("siteKey")).startsWith("sk_").hasSize(27);
        assertThat(site.get("org")).isEqualTo(org);
        assertThat(site.get("origins")).isEqualTo(List.of("http://portal.example.com:8080", "http://localhost:3000"));
        assertThat(api.list("/api/sites", orgAdmin)).extracting(s -> s.get("siteKey")).contains(site.get("siteKey"));
    }

    @Test
    void anOriginWithAPathIsRejected() {
        assertThatThrownBy(() -> register(orgAdmin, Map.of("name", "x", "origins", List.of("https://a.com/page"))))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
    }

    @Test
    void aUserWhoIsNotAnAdminCannotRegisterASite() {
        assertThatThrownBy(() -> register(customer, Map.of("name", "x", "origins", List.of(SHOP))))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(403));
    }

    @Test
    void theSocketOpensForAnAllowedOriginAndChats() throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = open(customer, siteKey, SHOP, frames);
        socket.sendText("{\"type\":\"chat.send\",\"clientMsgId\":\"s1\",\"text\":\"hello\"}", true).join();
        assertThat(frames.poll(10, TimeUnit.SECONDS)).contains("\"chat.ack\"");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void anOriginNotOnTheListIsRefusedBeforeTheUpgrade() {
        assertThat(handshakeStatus(customer, siteKey, ELSEWHERE)).isEqualTo(403);
    }

    @Test
    void anUnknownSiteKeyIsRefused() {
        assertThat(handshakeStatus(customer, "sk_unknown", SHOP)).isEqualTo(403);
    }

    @Test
    void aTokenOfAnotherOrgCannotUseTheSiteKey() {
        String stranger = api.user(api.org("shipper"), List.of("customer"), List.of());
        assertThat(handshakeStatus(stranger, siteKey, SHOP)).isEqualTo(403);
    }

    @Test
    void aPageOfAnotherOriginWithoutASiteKeyIsRefused() {
        assertThat(handshakeStatus(customer, null, SHOP)).isEqualTo(403);
    }

    @Test
    void theChatApiAnswersAPreflightFromTheSitesOriginOnly() throws Exception {
        String path = "/api/chat/x/messages?siteKey=" + siteKey;
        HttpResponse<String> allowed = preflight(path, SHOP);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Authorization");
        HttpResponse<String> refused = preflight(path, ELSEWHERE);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private Map<String, Object> register(String token, Map<String, Object> body) {
        return api.post("/api/sites", body, token);
    }

    private HttpResponse<String> preflight(String path, String origin) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + path))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build(), HttpResponse.BodyHandlers.ofString());
    }

    private WebSocket open(String token, String key, String origin, LinkedBlockingQueue<String> frames) {
        String query = "access_token=" + token + (key == null ? "" : "&siteKey=" + key);
        return java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5)).header("Origin", origin)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/chat?" + query),
                        new WebSocket.Listener() {
                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(WebSocket ws, CharSequence data,
                                                                                  boolean last) {
                                frames.add(data.toString());
                                ws.request(1);
                                return null;
                            }
                        }).join();
    }

    private int handshakeStatus(String token, String key, String origin) {
        try {
            open(token, key, origin, new LinkedBlockingQueue<>()).abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}

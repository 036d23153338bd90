package dev.tracelane.model;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local OpenAI-compatible {@code /v1/chat/completions}, streamed and not, that behaves like a tool-calling
 * model: asked a question it calls {@code locate_shipment} for the reference it finds, given the tool's result
 * it answers with the place from it. It keeps every request so tests can see what the client sent.
 */
final class FakeOpenAi implements AutoCloseable {
    private final HttpServer server;
    private final JsonMapper json;
    final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();

    FakeOpenAi(JsonMapper json) throws IOException {
        this.json = json;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @SuppressWarnings("unchecked")
    private void complete(HttpExchange exchange) throws IOException {
        Map<String, Object> request = json.readValue(exchange.getRequestBody().readAllBytes(),
                Argument.mapOf(String.class, Object.class));
        requests.add(request);
        List<Map<String, Object>> messages = (List<Map<String, Object>>) request.get("messages");
        Map<String, Object> last = messages.get(messages.size() - 1);
        boolean stream = Boolean.TRUE.equals(request.get("stream"));
        if ("tool".equals(last.get("role"))) {
            Map<String, Object> location = json.readValue((String) last.get("content"),
                    Argument.mapOf(String.class, Object.class));
            String answer = Boolean.FALSE.equals(location.get("found")) ? "I could not find that shipment."
                    : location.get("ref") + " is " + location.get("place") + ".";
            reply(exchange, stream, Map.of("role", "assistant", "content", answer), "stop");
        } else {
            String question = (String) last.get("content");
            String reference = question.replaceAll(".*?\\b([A-Z]{2,6}-[0-9a-f]+)\\b.*", "$1");
            Map<String, Object> call = Map.of("id", "call_1", "type", "function", "function",
                    Map.of("name", "locate_shipment", "arguments", "{\"reference\":\"" + reference + "\"}"));
            reply(exchange, stream, Map.of("role", "assistant", "tool_calls", List.of(call)), "tool_calls");
        }
    }

    private void reply(HttpExchange exchange, boolean stream, Map<String, Object> message, String finish)
            throws IOException {
        if (!stream) {
            send(exchange, "application/json", json.writeValueAsString(Map.of("id", "cmpl-1",
                    "object", "chat.completion", "model", "fake", "choices", List.of(Map.of("index", 0,
                            "message", message, "finish_reason", finish)),
                    "usage", Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15))));
            return;
        }
        StringBuilder events = new StringBuilder();
        if (message.containsKey("tool_calls")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> call = ((List<Map<String, Object>>) message.get("tool_calls")).get(0);
            events.append(chunk(Map.of("role", "assistant", "tool_calls", List.of(Map.of("index", 0,
                    "id", call.get("id"), "type", "function", "function", call.get("function")))), null));
        } else {
            for (String word : ((String) message.get("content")).split("(?<= )")) {
                events.append(chunk(Map.of("content", word), null));
            }
        }
        events.append(chunk(Map.of(), finish)).append("data: [DONE]\n\n");
        send(exchange, "text/event-stream", events.toString());
    }

    private String chunk(Map<String, Object> delta, String finish) throws IOException {
        Map<String, Object> choice = new java.util.HashMap<>(Map.of("index", 0, "delta", delta));
        choice.put("finish_reason", finish);
        return "data: " + json.writeValueAsString(Map.of("id", "cmpl-1", "object", "chat.completion.chunk",
                "model", "fake", "choices", List.of(choice))) + "\n\n";
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

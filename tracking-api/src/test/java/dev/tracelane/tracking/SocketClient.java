package dev.tracelane.tracking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket from the JDK's client, as a tracker or a dashboard: what it receives queues up for the test. */
public final class SocketClient implements AutoCloseable {
    private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private SocketClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener()).join();
    }

    public static SocketClient tracker(int port, String token) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws/trackers?token=" + token));
    }

    /** A dashboard on {@code /ws/live}, authenticated the browser way: the JWT in the upgrade's query. */
    public static SocketClient live(int port, String jwt) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws/live?access_token=" + jwt));
    }

    /** A chat client on {@code /ws/chat}, authenticated like a browser widget. */
    public static SocketClient chat(int port, String jwt) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws/chat?access_token=" + jwt));
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** @return the next server frame, or null after the timeout */
    public String next(long millis) throws InterruptedException {
        return frames.poll(millis, TimeUnit.MILLISECONDS);
    }

    public String next() throws InterruptedException {
        String frame = next(10_000);
        if (frame == null) {
            throw new AssertionError("no frame from the server within 10 s");
        }
        return frame;
    }

    /** Reads frames until {@code enough} holds or {@code millis} pass, whichever is first. */
    public List<String> readUntil(Predicate<List<String>> enough, long millis) throws InterruptedException {
        List<String> read = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        while (!enough.test(read) && System.currentTimeMillis() < deadline) {
            String frame = next(Math.max(1, Math.min(200, deadline - System.currentTimeMillis())));
            if (frame != null) {
                read.add(frame);
            }
        }
        return read;
    }

    /** Everything that arrives within {@code millis}. */
    public List<String> readFor(long millis) throws InterruptedException {
        return readUntil(read -> false, millis);
    }

    /** Whether the server has closed the socket (or it failed). */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** @return the close code the server sent */
    public int closeCode(long millis) throws Exception {
        return closed.get(millis, TimeUnit.MILLISECONDS);
    }

    /** Closes from this side with {@code code}; @return the code of the Close frame the server answers with */
    public int closeAndAwaitAnswer(int code, long millis) throws Exception {
        socket.sendClose(code, "done").join();
        return closeCode(millis);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}

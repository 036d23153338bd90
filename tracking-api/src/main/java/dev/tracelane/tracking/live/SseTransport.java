package dev.tracelane.tracking.live;

import io.micronaut.http.sse.Event;
import reactor.core.publisher.FluxSink;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Frames to an SSE stream: {@code id:} is the topic's seq, so a browser's automatic reconnect resumes with
 * {@code Last-Event-ID}. A frame counts as written once downstream has asked for it, which is how a slow
 * reader shows up here.
 */
final class SseTransport implements LiveTransport {
    private static final Duration RETRY = Duration.ofSeconds(3);
    private final FluxSink<Event<String>> sink;
    private CompletableFuture<Void> demand = CompletableFuture.completedFuture(null);
    private boolean retrySent;

    SseTransport(FluxSink<Event<String>> sink) {
        this.sink = sink;
        sink.onRequest(n -> demanded());
    }

    @Override
    public synchronized CompletionStage<?> send(LiveFrame frame, long seq) {
        Event<String> event = Event.of(frame.text());
        if (seq > 0) {
            event = event.id(Long.toString(seq));
        }
        if (!retrySent) {
            event = event.retry(RETRY);
            retrySent = true;
        }
        sink.next(event);
        if (sink.requestedFromDownstream() > 0) {
            return CompletableFuture.completedFuture(null);
        }
        if (demand.isDone()) {
            demand = new CompletableFuture<>();
        }
        return demand;
    }

    private synchronized void demanded() {
        demand.complete(null);
    }

    /** A comment line: keeps proxies from closing the stream and is ignored by EventSource. */
    @Override
    public void heartbeat() {
        if (sink.requestedFromDownstream() > 0) {
            sink.next(Event.of("").comment("keep-alive"));
        }
    }

    @Override
    public void close(int code, String reason) {
        sink.complete();
    }
}

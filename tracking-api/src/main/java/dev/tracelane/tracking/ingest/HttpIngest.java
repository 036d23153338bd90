package dev.tracelane.tracking.ingest;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the HTTP ingest protocols share once a decoder has produced a {@link Reading}: the rules, the writer,
 * and the answers: the protocol's success body after commit, 400 with a code for bad input, 503 when storage
 * cannot take it now (the apps retry).
 */
@Singleton
public class HttpIngest {
    private final EventRules rules;
    private final EventWriter writer;
    private final Duration commitTimeout;

    public HttpIngest(EventRules rules, EventWriter writer,
                      @Value("${tracelane.ingest.http-commit-timeout:10s}") Duration commitTimeout) {
        this.rules = rules;
        this.writer = writer;
        this.commitTimeout = commitTimeout;
    }

    @Serdeable
    public record IngestError(String message, String code) {
    }

    public CompletableFuture<HttpResponse<?>> store(String trackerId, List<Reading> readings, Object successBody) {
        List<TrackingEvent> events;
        try {
            events = readings.stream().map(r -> rules.check(trackerId, r)).toList();
        } catch (RejectedEventException e) {
            return CompletableFuture.completedFuture(badRequest(e));
        }
        return writer.submit(events)
                .orTimeout(commitTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .<HttpResponse<?>>thenApply(ok -> HttpResponse.ok(successBody))
                .exceptionally(HttpIngest::notStored);
    }

    public static HttpResponse<?> badRequest(RejectedEventException e) {
        return HttpResponse.badRequest(new IngestError(e.getMessage(), e.code()));
    }

    private static HttpResponse<?> notStored(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof RejectedEventException refused) {
            return badRequest(refused);
        }
        String code = cause instanceof WriterUnavailableException u ? u.code()
                : cause instanceof TimeoutException ? "timeout" : "unavailable";
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(new IngestError("not stored, retry later", code));
    }
}

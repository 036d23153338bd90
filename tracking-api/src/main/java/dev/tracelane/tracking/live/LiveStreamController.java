package dev.tracelane.tracking.live;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.shipment.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * {@code GET /api/stream/{topic}}: the same messages as {@code /ws/live} as Server-Sent Events. Resumes from
 * {@code Last-Event-ID} (or {@code ?since=}). A topic that does not exist, or is out of scope, is a 404.
 */
@Controller("/api/stream")
@Secured({Roles.CUSTOMER, Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
public class LiveStreamController {
    private final LiveSubscriptions subscriptions;

    public LiveStreamController(LiveSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Get(value = "/{topic}", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Publisher<Event<String>> stream(@PathVariable String topic,
                                           @Nullable @Header("Last-Event-ID") Long lastEventId,
                                           @Nullable @QueryValue Long since, Authentication authentication) {
        Scope scope = Scope.of(Caller.of(authentication));
        if (!subscriptions.exists(scope, topic)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such topic: " + topic);
        }
        Long resumeFrom = lastEventId != null ? lastEventId : since;
        if (resumeFrom != null && resumeFrom < 0) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "since (or Last-Event-ID) must be 0 or more");
        }
        return Flux.create((FluxSink<Event<String>> sink) -> {
            LiveSubscriber subscriber = subscriptions.open(scope, new SseTransport(sink));
            sink.onDispose(() -> subscriptions.close(subscriber));
            subscriptions.subscribe(subscriber, topic, resumeFrom);
        }, FluxSink.OverflowStrategy.BUFFER);
    }
}

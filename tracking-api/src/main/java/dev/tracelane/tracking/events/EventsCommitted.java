package dev.tracelane.tracking.events;

import java.util.List;

/**
 * Published on the in-process event bus (Micronaut's {@code ApplicationEventPublisher}) right after a batch of
 * new tracking events is committed. Duplicates that were already stored are not in it. Listeners run on the
 * writer's thread: do little, or hand off.
 */
public record EventsCommitted(List<StoredEvent> events) {
}

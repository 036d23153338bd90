package dev.tracelane.tracking.ingest;

import io.micronaut.core.annotation.Nullable;

/**
 * Why one event (or a whole frame, when {@code id} and {@code index} are null) was not stored. Codes are part of
 * the contract; see docs/ingest.md for the list.
 *
 * @param index the event's place in its batch, from 0, so an event without an id can be told apart; null for a
 *              frame of one event
 */
public record Rejection(@Nullable String id, @Nullable Integer index, String code, String message) {
    public Rejection(@Nullable String id, String code, String message) {
        this(id, null, code, message);
    }
}

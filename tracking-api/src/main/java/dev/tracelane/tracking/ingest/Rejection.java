package dev.tracelane.tracking.ingest;

import io.micronaut.core.annotation.Nullable;

/**
 * Why one event (or a whole frame, when {@code id} is null) was not stored. Codes are part of the contract;
 * see docs/ingest.md for the list.
 */
public record Rejection(@Nullable String id, String code, String message) {
}

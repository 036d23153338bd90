package dev.tracelane.tracking.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** Server frames on {@code /ws/trackers} (CONTRACT.md, "Trackers in"). */
final class TrackerFrames {
    private TrackerFrames() {
    }

    /**
     * @param ids   client ids of the committed events that had one
     * @param ts    timestamps of the committed events that had no id (their idempotency key)
     * @param count       how many events this ack covers
     * @param committedAt when their transaction committed (an extension of the contract's ack)
     */
    @Serdeable
    record Ack(String type, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> ids, @Nullable List<String> ts,
               int count, Instant committedAt) {
    }

    /** @param index the event's place in its batch (an extension of the contract's error), or null */
    @Serdeable
    record Error(String type, @Nullable String id, @Nullable Integer index, String code, String message) {
        static Error of(Rejection rejection) {
            return new Error("error", rejection.id(), rejection.index(), rejection.code(), rejection.message());
        }
    }
}

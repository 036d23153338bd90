package dev.tracelane.bench.replay;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as {@code GET /api/alerts} lists it, reduced to what the metrics need. {@code detectedAt} (event time
 * when first raised) is newer than the other fields; without it, {@code openedAt} (when the condition began)
 * stands in and the report says so, since delays are then measured to the condition's start.
 */
record AlertView(long id, String reference, String type, Instant detectedAt, Instant resolvedAt,
                 boolean detectedAtGiven) {

    static AlertView of(Map<String, Object> json) {
        Instant detected = JsonMaps.instant(json, "detectedAt");
        Double id = JsonMaps.number(json, "id");
        return new AlertView(id == null ? -1 : id.longValue(), JsonMaps.text(json, "ref"),
                JsonMaps.text(json, "type"), detected != null ? detected : JsonMaps.instant(json, "openedAt"),
                JsonMaps.instant(json, "resolvedAt"), detected != null);
    }

    /** Epoch seconds of the detection; {@link Long#MAX_VALUE} when the alert has no usable time at all. */
    long detectedTs() {
        return detectedAt == null ? Long.MAX_VALUE : detectedAt.getEpochSecond();
    }
}

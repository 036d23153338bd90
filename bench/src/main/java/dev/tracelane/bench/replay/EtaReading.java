package dev.tracelane.bench.replay;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code GET /api/shipments/{ref}/eta} answered. Any member may be null: a service without an estimate
 * yet, or one that leaves the interval out.
 *
 * @param calibration where Tracelane's {@code basis} says the window came from, for looking into coverage
 */
record EtaReading(Instant eta, Instant p10, Instant p90, Double remainingMeters, Instant asOf, String calibration) {

    static EtaReading of(Map<String, Object> json) {
        return new EtaReading(JsonMaps.instant(json, "eta"), JsonMaps.instant(json, "p10"),
                JsonMaps.instant(json, "p90"), JsonMaps.number(json, "remainingMeters"),
                JsonMaps.instant(json, "asOf"), JsonMaps.text(JsonMaps.object(json.get("basis")), "calibration"));
    }

    /** Fresh enough for a checkpoint: the estimate has seen the checkpoint's ping. */
    boolean covers(long epochSeconds) {
        return eta != null && asOf != null && asOf.getEpochSecond() >= epochSeconds;
    }
}

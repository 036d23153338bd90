package dev.tracelane.bench.replay;

import java.util.Locale;

/**
 * Ground truth of one injected anomaly.
 *
 * @param size    metres off route, minutes stopped or silent, or the peak temperature
 * @param startTs when it began (epoch seconds): the detour's first displaced ping, the stop's arrival, the
 *                first missing ping, the first warming reading
 * @param endTs   when it was over
 */
record Injection(String tripId, Anomaly kind, int size, long startTs, long endTs) {

    /** The variant it belongs to in the report, such as "detour 600 m". */
    String variant() {
        return variant(kind, size);
    }

    static String variant(Anomaly kind, int size) {
        return kind.name().toLowerCase(Locale.ROOT) + " " + size + " " + kind.unit;
    }
}

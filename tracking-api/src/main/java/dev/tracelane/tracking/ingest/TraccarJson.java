package dev.tracelane.tracking.ingest;

import static dev.tracelane.tracking.ingest.JsonFields.number;
import static dev.tracelane.tracking.ingest.JsonFields.textOrNumber;

import io.micronaut.json.tree.JsonNode;

/** Decodes the {@code location} object of a Traccar Client JSON body. */
final class TraccarJson {
    private TraccarJson() {
    }

    static Reading reading(JsonNode location) {
        JsonNode coords = location.get("coords");
        if (coords == null || !coords.isObject()) {
            throw new RejectedEventException("missing_position", "location.coords is required");
        }
        String ts = textOrNumber(location, "timestamp");
        Double level = number(location.get("battery"), "level");
        return new Reading(null,
                ts == null ? null : Timestamps.flexible("location.timestamp", ts),
                number(coords, "latitude"), number(coords, "longitude"), nonNegative(number(coords, "speed")),
                nonNegative(number(coords, "heading")), number(coords, "accuracy"), number(coords, "altitude"),
                null, null, level == null ? null : level * 100,
                textOrNumber(location, "event"));
    }

    /** The app reports -1 for "unknown" speed and heading. */
    private static Double nonNegative(Double value) {
        return value == null || value < 0 ? null : value;
    }

}

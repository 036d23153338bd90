package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.shipment.ShipmentModel.Place;

import java.util.Locale;

/**
 * The default lane of a shipment: its origin and destination, by name when they have one, else by coordinates
 * rounded to ~10 km so recurring trips between the same sites share a lane.
 */
final class Lanes {
    private Lanes() {
    }

    static String of(Place origin, Place destination) {
        return label(origin) + " -> " + label(destination);
    }

    private static String label(Place place) {
        if (place.name() != null && !place.name().isBlank()) {
            return place.name().strip();
        }
        return String.format(Locale.ROOT, "%.1f,%.1f", place.lat(), place.lon());
    }
}

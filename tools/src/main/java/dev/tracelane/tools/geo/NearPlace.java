package dev.tracelane.tools.geo;

import java.util.Locale;

/**
 * A position described by the place it is near: "in Joliet, IL" or "near Joliet, IL (12 km NE of the centre)".
 *
 * @param meters    distance from the place's centre
 * @param direction compass point from the centre to the position (N, NE, ...)
 */
public record NearPlace(Place place, double meters, String direction) {
    private static final double IN_TOWN_METERS = 2_000;

    public String describe() {
        if (meters < IN_TOWN_METERS) {
            return "in " + place.label();
        }
        return String.format(Locale.ROOT, "near %s (%d km %s of the centre)", place.label(), Math.round(meters / 1000),
                direction);
    }
}

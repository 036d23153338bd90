package dev.tracelane.tools.geo;

import java.util.Set;

/** A populated place from the bundled GeoNames extract. */
public record Place(String name, String country, String admin, int population, double lat, double lon) {
    /** Countries whose admin codes people say after the city name ("Joliet, IL"). */
    private static final Set<String> ADMIN_BY_NAME = Set.of("US", "CA", "AU");

    public String label() {
        return name + ", " + (ADMIN_BY_NAME.contains(country) && !admin.isEmpty() ? admin : country);
    }
}

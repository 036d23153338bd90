package dev.tracelane.tools.geo;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The postal codes of US states and DC by name. Place names are written "Dallas, TX", so "loads going to Texas"
 * needs the code; the GeoNames extract carries codes only.
 */
public final class UsStates {
    private static final Map<String, String> CODES = codes();
    private static final Set<String> WRITTEN_CODES = Set.copyOf(CODES.values());

    private UsStates() {
    }

    /** @return the postal code of the state named {@code said} ("texas", "New  York"), or written as it ("TX") */
    public static Optional<String> code(String said) {
        String words = said.strip().replaceAll("\\s+", " ");
        return WRITTEN_CODES.contains(words) ? Optional.of(words)
                : Optional.ofNullable(CODES.get(words.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> codes() {
        String[] pairs = {
            "Alabama", "AL", "Alaska", "AK", "Arizona", "AZ", "Arkansas", "AR", "California", "CA",
            "Colorado", "CO", "Connecticut", "CT", "Delaware", "DE", "District of Columbia", "DC", "Florida", "FL",
            "Georgia", "GA", "Hawaii", "HI", "Idaho", "ID", "Illinois", "IL", "Indiana", "IN", "Iowa", "IA",
            "Kansas", "KS", "Kentucky", "KY", "Louisiana", "LA", "Maine", "ME", "Maryland", "MD",
            "Massachusetts", "MA", "Michigan", "MI", "Minnesota", "MN", "Mississippi", "MS", "Missouri", "MO",
            "Montana", "MT", "Nebraska", "NE", "Nevada", "NV", "New Hampshire", "NH", "New Jersey", "NJ",
            "New Mexico", "NM", "New York", "NY", "North Carolina", "NC", "North Dakota", "ND", "Ohio", "OH",
            "Oklahoma", "OK", "Oregon", "OR", "Pennsylvania", "PA", "Rhode Island", "RI", "South Carolina", "SC",
            "South Dakota", "SD", "Tennessee", "TN", "Texas", "TX", "Utah", "UT", "Vermont", "VT",
            "Virginia", "VA", "Washington", "WA", "West Virginia", "WV", "Wisconsin", "WI", "Wyoming", "WY"};
        Map<String, String> codes = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            codes.put(pairs[i].toLowerCase(Locale.ROOT), pairs[i + 1]);
        }
        return Map.copyOf(codes);
    }
}

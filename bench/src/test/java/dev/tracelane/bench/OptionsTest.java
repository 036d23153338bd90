package dev.tracelane.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    private static final Map<String, String> ENV = Map.of("TRACELANE_ADMIN_PASSWORD", "secret");

    @Test
    void defaultsToScenarioA() {
        Options options = Options.parse(new String[0], ENV);
        assertEquals(1000, options.trackers());
        assertEquals(20, options.batch());
        assertTrue(options.closedLoop());
        assertEquals("secret", options.adminPassword());
    }

    @Test
    void aRateSpacesOneTrackersBatches() {
        Options options = Options.parse(new String[]{"--rate", "40", "--batch", "20", "--json"}, ENV);
        assertEquals(500_000_000L, options.intervalNanos());
        assertTrue(options.json());
    }

    @Test
    void refusesTargetsBeyondLoopback() {
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[]{"--url", "http://192.0.2.1:8080"}, ENV));
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[]{"--jdbc", "jdbc:postgresql://192.0.2.1:5432/x"}, ENV));
    }
}

package dev.tracelane.bench.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    private static final Map<String, String> ENV = Map.of("TRACELANE_ADMIN_PASSWORD", "pw");

    @Test
    void theReplayFindsEventsBesideThePingsAndStaysOnLoopback(@TempDir Path dir) throws IOException {
        Path trips = Files.writeString(dir.resolve("trips.csv"), "x");
        Path pings = Files.writeString(dir.resolve("pings.csv"), "x");
        String[] args = {"--trips", trips.toString(), "--pings", pings.toString(), "--detectors", "--json"};
        ReplayOptions options = ReplayOptions.parse(args, ENV);
        assertNull(options.events());
        assertTrue(options.detectors() && options.json());
        assertEquals(8, options.concurrency());
        assertEquals("pw", options.adminPassword());
        Files.writeString(dir.resolve("events.csv"), "x");
        assertEquals(dir.resolve("events.csv"), ReplayOptions.parse(args, ENV).events());
        assertThrows(IllegalArgumentException.class, () -> ReplayOptions.parse(new String[]{"--trips",
                trips.toString(), "--pings", pings.toString(), "--url", "http://192.0.2.1:8080"}, ENV));
        assertThrows(IllegalArgumentException.class, () -> ReplayOptions.parse(new String[]{"--trips",
                trips.toString(), "--pings", pings.toString(), "--train-trips", trips.toString()}, ENV));
        assertThrows(IllegalArgumentException.class, () -> ReplayOptions.parse(new String[]{"--pings",
                pings.toString()}, ENV));
    }

    @Test
    void theGeneratorHasDefaultsAndBounds() {
        GeneratorOptions options = GeneratorOptions.parse(new String[]{"--split", "--seed", "9"});
        assertEquals(new GeneratorOptions(Path.of("replay-data"), 9, 240, 24, true), options);
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.parse(new String[]{"--trips", "0"}));
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.parse(new String[]{"--lanes", "x"}));
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.parse(new String[]{"--bogus"}));
    }

    @Test
    void theJsonReportWritesNestedObjectsArraysAndNulls() {
        String json = new JsonOut().field("a", 1).begin("b").field("c", Double.NaN).field("d", 2.50)
                .end().field("e", List.of("x\"y")).field("f", (String) null).toString();
        assertEquals("{\"a\":1,\"b\":{\"c\":null,\"d\":2.5},\"e\":[\"x\\\"y\"],\"f\":null}", json);
    }
}

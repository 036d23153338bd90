package dev.tracelane.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {

    @Test
    void parsesWholeDocuments() {
        Object parsed = Json.parse(" {\"a\": [1, -2.5e1, true, false, null, \"x\\\"\\u00e9\"], \"b\": {}, \"c\": []} ");
        assertEquals(Map.of("a", Arrays.asList(1, -25.0, true, false, null, "x\"é"), "b", Map.of(),
                "c", List.of()), parsed);
    }

    @Test
    void refusesWhatIsNotOneValue() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    }

    @Test
    void stillReadsFieldsInPlace() {
        assertEquals("t\"k", Json.stringField("{\"access_token\":\"t\\\"k\"}", "access_token"));
        assertNull(Json.stringField("{\"access_token\":\"cut", "access_token"));
    }
}

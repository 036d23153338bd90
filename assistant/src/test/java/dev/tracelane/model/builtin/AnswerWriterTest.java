package dev.tracelane.model.builtin;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerWriterTest {
    private static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");

    @Test
    void aShipmentsActiveAlertsComeFirstAndItsResolvedOnesApart() {
        Map<String, Object> alerts = Map.of("ref", "SHP-1", "alerts", List.of(
                alert("Tracker silent since 17:00", "resolved"), alert("Temperature 11.5 °C", "open"),
                alert("Unplanned stop", "resolved")));
        String answer = new AnswerWriter().write("shipment_alerts", "is SHP-1 ok?",
                Map.of("shipment_alerts", List.of(alerts)), NOW);
        assertThat(answer).startsWith("SHP-1 has 1 active alert:\n- Temperature 11.5 °C (open")
                .contains("\nEarlier, resolved:\n- Tracker silent since 17:00 (resolved");
    }

    private static Map<String, Object> alert(String title, String status) {
        return Map.of("title", title, "status", status, "openedAt", "2026-12-02T17:00:00Z");
    }
}

package dev.tracelane.tracking.live;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fleet batches carry positions as rows: the same values as the update frames, without their repeated keys. */
class PositionRowsTest {
    @Test
    void aRowHoldsThePositionsValuesInColumnOrder() {
        assertThat(PositionRows.row(42, "{\"ref\":\"SHP-1\",\"lat\":39.59,\"lon\":-85.12,"
                + "\"ts\":\"2026-11-25T09:41:19Z\",\"speed\":24.1,\"heading\":131.0,\"temperature\":4.5}"))
                .isEqualTo("[42,\"SHP-1\",\"2026-11-25T09:41:19Z\",39.59,-85.12,24.1,131.0,4.5]");
    }

    @Test
    void absentValuesAreNullAndTrailingOnesAreLeftOut() {
        assertThat(PositionRows.row(7, "{\"ref\":\"SHP-1\",\"ts\":\"2026-11-25T09:41:19Z\",\"temperature\":-18.0}"))
                .isEqualTo("[7,\"SHP-1\",\"2026-11-25T09:41:19Z\",null,null,null,null,-18.0]");
        assertThat(PositionRows.row(8, "{\"ref\":\"SHP-1\",\"lat\":1.5,\"lon\":2.5,\"ts\":\"2026-11-25T09:41:19Z\"}"))
                .isEqualTo("[8,\"SHP-1\",\"2026-11-25T09:41:19Z\",1.5,2.5]");
    }

    @Test
    void aReferenceIsQuotedAsJson() {
        assertThat(PositionRows.row(1, "{\"ref\":\"PO \\\"77\\\" \\u00e9\",\"ts\":\"2026-11-25T09:41:19Z\"}"))
                .isEqualTo("[1,\"PO \\\"77\\\" \u00e9\",\"2026-11-25T09:41:19Z\"]");
    }

    @Test
    void aBatchCarriesPositionsAsRowsAndOtherMessagesAsTheirFrames() {
        LiveMessage position = LiveMessage.create(1, Topics.FLEET, 5, 5, 3, "SHP-3", "acme", "roadrunner",
                "position", "{\"ref\":\"SHP-3\",\"lat\":1.5,\"lon\":2.5,\"ts\":\"2026-11-25T09:41:19Z\"}", Instant.now());
        LiveMessage status = LiveMessage.create(2, Topics.FLEET, 6, 6, 3, "SHP-3", "acme", "roadrunner",
                "status", "{\"ref\":\"SHP-3\",\"status\":\"delivered\",\"at\":\"2026-11-25T09:42:00Z\"}", Instant.now());
        Map<String, Object> batch = BatchFrames.parse(LiveFrames.batch("\"fleet\"", List.of(position, status)).text());
        assertThat(batch).containsEntry("seq", 6).containsEntry("positions",
                List.of(List.of(5, "SHP-3", "2026-11-25T09:41:19Z", 1.5, 2.5)));
        assertThat(BatchFrames.updates(batch)).extracting(u -> u.get("kind")).containsExactly("position", "status");
        assertThat(BatchFrames.updates(batch).get(1)).containsEntry("type", "update").containsEntry("seq", 6);
    }
}

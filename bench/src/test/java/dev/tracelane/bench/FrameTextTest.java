package dev.tracelane.bench;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FrameTextTest {
    private static final String BATCH = "{\"type\":\"batch\",\"topic\":\"fleet\",\"seq\":9,"
            + "\"columns\":[\"seq\",\"ref\",\"ts\",\"lat\",\"lon\"],\"positions\":["
            + "[8,\"A\",\"2026-12-01T01:00:00.125Z\",41.5,-87.5],[9,\"B\",\"2026-12-01T01:00:01Z\",null,null,25.0]],"
            + "\"messages\":[{\"type\":\"update\",\"seq\":7,\"data\":{\"ref\":\"S\",\"status\":\"in_transit\",\"at\":\"x\"}}]}";

    @Test
    void aBatchIsTimedByItsFirstReading() {
        assertEquals(new FrameText.Reading("A", Instant.parse("2026-12-01T01:00:00.125Z")),
                FrameText.firstReading(Unpooled.copiedBuffer(BATCH, StandardCharsets.UTF_8)));
    }

    @Test
    void everyReadingOfABatchIsFoundButNotItsStatusChanges() {
        assertEquals(List.of(new FrameText.Reading("A", Instant.parse("2026-12-01T01:00:00.125Z")),
                        new FrameText.Reading("B", Instant.parse("2026-12-01T01:00:01Z"))),
                FrameText.readings(Unpooled.copiedBuffer(BATCH, StandardCharsets.UTF_8)));
    }

    @Test
    void aSingleUpdateIsTimedByItsReading() {
        String frame = "{\"type\":\"update\",\"topic\":\"shipment:A\",\"seq\":3,\"kind\":\"position\","
                + "\"data\":{\"ref\":\"A\",\"lat\":41.5,\"ts\": \"2026-12-01T01:00:00.125Z\"}}";
        assertEquals(new FrameText.Reading("A", Instant.parse("2026-12-01T01:00:00.125Z")),
                FrameText.firstReading(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8)));
    }

    @Test
    void aFrameWithoutAReadingHasNoTimestamp() {
        assertNull(FrameText.firstReading(Unpooled.copiedBuffer("{\"type\":\"subscribed\",\"seq\":3}",
                StandardCharsets.UTF_8)));
    }

    @Test
    void anAckCarriesItsCommitTime() {
        assertEquals(Instant.parse("2026-12-01T01:00:00.250Z"), FrameText.committedAt(Unpooled.copiedBuffer(
                "{\"type\":\"ack\",\"ids\":[\"4\"],\"count\":1,\"committedAt\":\"2026-12-01T01:00:00.250Z\"}",
                StandardCharsets.UTF_8)));
    }
}

package dev.tracelane.bench;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LiveWatcherTest {
    @Test
    void aBatchIsTimedByItsFirstReading() {
        String frame = "{\"type\":\"batch\",\"topic\":\"fleet\",\"seq\":9,\"messages\":["
                + "{\"type\":\"update\",\"seq\":8,\"data\":{\"ref\":\"A\",\"ts\": \"2026-12-01T01:00:00.125Z\"}},"
                + "{\"type\":\"update\",\"seq\":9,\"data\":{\"ref\":\"B\",\"ts\":\"2026-12-01T01:00:01Z\"}}]}";
        assertEquals(Instant.parse("2026-12-01T01:00:00.125Z"),
                LiveWatcher.firstTimestamp(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8)));
    }

    @Test
    void aFrameWithoutAReadingHasNoTimestamp() {
        assertNull(LiveWatcher.firstTimestamp(Unpooled.copiedBuffer("{\"type\":\"subscribed\",\"seq\":3}",
                StandardCharsets.UTF_8)));
    }
}

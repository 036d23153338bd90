package dev.tracelane.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventFramesTest {

    @Test
    void numbersEventsAndAdvancesTheirTimestampsAcrossASecond() {
        long base = Instant.parse("2026-11-23T10:15:00.998Z").toEpochMilli();
        String frame = new EventFrames(base, 101).batch(1, 2);
        assertEquals("[{\"id\":\"1\",\"ts\":\"2026-11-23T10:15:00.999Z\",\"lat\":41.5100,\"lon\":-87.9900,"
                + "\"speed\":22.4},{\"id\":\"2\",\"ts\":\"2026-11-23T10:15:01.000Z\",\"lat\":41.5100,"
                + "\"lon\":-87.9900,\"speed\":22.4}]", frame);
    }
}

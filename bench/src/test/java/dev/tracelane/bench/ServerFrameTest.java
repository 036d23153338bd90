package dev.tracelane.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServerFrameTest {

    @Test
    void readsTheFirstIdAndCountOfAnAck() {
        assertEquals(new ServerFrame.Ack("41", 3),
                ServerFrame.parse("{\"type\":\"ack\",\"ids\":[\"41\",\"42\",\"43\"],\"count\":3}"));
    }

    @Test
    void readsTheEventAndCodeOfARefusal() {
        assertEquals(new ServerFrame.Refusal("7", "rate_limited"), ServerFrame.parse(
                "{\"type\":\"error\",\"id\":\"7\",\"code\":\"rate_limited\",\"message\":\"wait \\\"id\\\"\"}"));
    }

    @Test
    void aRefusalWithoutAnIdCoversTheWholeFrame() {
        assertEquals(new ServerFrame.Refusal(null, "bad_json"),
                ServerFrame.parse("{\"type\":\"error\",\"code\":\"bad_json\",\"message\":\"x\"}"));
        assertEquals(new ServerFrame.Refusal(null, "frame_too_large"),
                ServerFrame.parse("{\"type\":\"error\",\"id\":null,\"code\":\"frame_too_large\",\"message\":\"x\"}"));
    }
}

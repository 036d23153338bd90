package dev.tracelane.tracking.websocket;

import io.micronaut.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloseHandshakeTest {
    @Test
    void aClientsOwnCodeIsEchoed() {
        CloseReason mine = new CloseReason(4001, "done");
        assertThat(CloseHandshake.answerTo(mine)).isSameAs(mine);
    }

    @Test
    void aCloseWithoutACodeOrWithOneNoEndpointMaySendIsAnsweredWith1000() {
        for (int code : new int[] {-1, 1005, 1006, 1015, 999, 5000}) {
            assertThat(CloseHandshake.answerTo(new CloseReason(code, "")).getCode()).as("%d", code).isEqualTo(1000);
        }
    }
}

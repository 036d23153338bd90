package dev.tracelane.tracking.live;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LiveFrameTest {
    @Test
    void itsBytesAreTheTextInUtf8EncodedOnce() {
        LiveFrame frame = new LiveFrame("{\"place\":\"near Zürich\"}");
        assertThat(new String(frame.utf8(), StandardCharsets.UTF_8)).isEqualTo(frame.text());
        assertThat(frame.utf8()).isSameAs(frame.utf8());
    }
}

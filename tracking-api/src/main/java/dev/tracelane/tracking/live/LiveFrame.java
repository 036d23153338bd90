package dev.tracelane.tracking.live;

import java.nio.charset.StandardCharsets;

/**
 * A frame as subscribers receive it: its text, and its UTF-8 bytes, encoded once for all the sockets it goes to
 * (a fleet batch goes to every dashboard of a scope; encoding it per socket was most of the fan-out's work).
 */
final class LiveFrame {
    private final String text;
    private volatile byte[] utf8;

    LiveFrame(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** Shared by every caller: never written to. */
    byte[] utf8() {
        byte[] bytes = utf8;
        if (bytes == null) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            utf8 = bytes;
        }
        return bytes;
    }
}

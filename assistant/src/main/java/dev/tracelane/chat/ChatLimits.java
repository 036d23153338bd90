package dev.tracelane.chat;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code tracelane.chat.*}: limits on what one user may send. */
@ConfigurationProperties("tracelane.chat")
public class ChatLimits {
    private int maxTextLength = 2_000;
    private int turnsPerMinute = 20;

    public int maxTextLength() {
        return maxTextLength;
    }

    public void setMaxTextLength(int value) {
        this.maxTextLength = value;
    }

    /** Messages a user may send per minute, over all their conversations and sockets. */
    public int turnsPerMinute() {
        return turnsPerMinute;
    }

    public void setTurnsPerMinute(int value) {
        this.turnsPerMinute = value;
    }
}

package dev.tracelane.chat;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code tracelane.chat.*}: limits on what one user may send, and on how many alerts the chat shows one by one. */
@ConfigurationProperties("tracelane.chat")
public class ChatLimits {
    private int maxTextLength = 2_000;
    private int turnsPerMinute = 20;
    private int alertsPerMinute = 10;

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

    /** Proactive alerts a user's chat takes one by one per minute; the rest arrive as one digest after it. */
    public int alertsPerMinute() {
        return alertsPerMinute;
    }

    public void setAlertsPerMinute(int value) {
        this.alertsPerMinute = value;
    }
}

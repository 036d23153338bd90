package dev.tracelane.tracking.live;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code tracelane.live.*}: how much each subscriber may lag, how often fleet frames go out, how far back resume reaches. */
@ConfigurationProperties("tracelane.live")
public class LiveLimits {
    private int maxPending = 10_000;
    private int maxInFlight = 64;
    private Duration maxStall = Duration.ofSeconds(15);
    private Duration batchInterval = Duration.ofMillis(250);
    private Duration heartbeat = Duration.ofSeconds(20);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private Duration replayWindow = Duration.ofHours(1);
    private int maxReplay = 5_000;
    private int maxTopics = 1_000;
    private int maxFrameChars = 64 * 1024;

    public int maxPending() {
        return maxPending;
    }

    public void setMaxPending(int maxPending) {
        this.maxPending = maxPending;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public Duration maxStall() {
        return maxStall;
    }

    public void setMaxStall(Duration maxStall) {
        this.maxStall = maxStall;
    }

    public Duration batchInterval() {
        return batchInterval;
    }

    public void setBatchInterval(Duration batchInterval) {
        this.batchInterval = batchInterval;
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Duration replayWindow() {
        return replayWindow;
    }

    public void setReplayWindow(Duration replayWindow) {
        this.replayWindow = replayWindow;
    }

    public int maxReplay() {
        return maxReplay;
    }

    public void setMaxReplay(int maxReplay) {
        this.maxReplay = maxReplay;
    }

    /** Topics one connection may follow at once. */
    public int maxTopics() {
        return maxTopics;
    }

    public void setMaxTopics(int maxTopics) {
        this.maxTopics = maxTopics;
    }

    /** The longest client frame read; a subscribe of {@link #maxTopics} references fits. */
    public int maxFrameChars() {
        return maxFrameChars;
    }

    public void setMaxFrameChars(int maxFrameChars) {
        this.maxFrameChars = maxFrameChars;
    }
}

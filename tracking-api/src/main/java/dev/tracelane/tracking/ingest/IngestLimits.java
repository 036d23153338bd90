package dev.tracelane.tracking.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code tracelane.ingest.*}: the limits each tracker socket lives under. */
@ConfigurationProperties("tracelane.ingest")
public class IngestLimits {
    private int maxFrameBytes = 256 * 1024;
    private int maxBatch = 1000;
    private int eventsPerSecond = 5_000;
    private int burstEvents = 10_000;
    private int maxInFlight = 10_000;
    private int errorBudget = 10;

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    public void setMaxFrameBytes(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    public int eventsPerSecond() {
        return eventsPerSecond;
    }

    public void setEventsPerSecond(int eventsPerSecond) {
        this.eventsPerSecond = eventsPerSecond;
    }

    public int burstEvents() {
        return burstEvents;
    }

    public void setBurstEvents(int burstEvents) {
        this.burstEvents = burstEvents;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public int errorBudget() {
        return errorBudget;
    }

    public void setErrorBudget(int errorBudget) {
        this.errorBudget = errorBudget;
    }
}

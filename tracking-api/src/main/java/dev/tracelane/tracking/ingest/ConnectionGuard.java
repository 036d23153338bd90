package dev.tracelane.tracking.ingest;

/**
 * Per-socket limits of one tracker connection: an event rate (token bucket), a cap on unacked events, and an
 * error budget for frame-level faults (bad JSON, oversize frames, floods). Spending the budget closes the socket
 * with 1008. Frames arrive on the socket's event loop and acks on the writer's threads, so every method is
 * synchronised.
 */
final class ConnectionGuard {
    private final IngestLimits limits;
    private double tokens;
    private long lastRefillNanos;
    private int inFlight;
    private int strikes;

    ConnectionGuard(IngestLimits limits, long nowNanos) {
        this.limits = limits;
        this.tokens = limits.burstEvents();
        this.lastRefillNanos = nowNanos;
    }

    /** @return how many of {@code requested} events may go ahead now; the rest are refused as a flood */
    synchronized int admit(int requested, long nowNanos) {
        tokens = Math.min(limits.burstEvents(),
                tokens + (nowNanos - lastRefillNanos) / 1e9 * limits.eventsPerSecond());
        lastRefillNanos = nowNanos;
        int allowed = (int) Math.min(requested, Math.floor(tokens));
        allowed = Math.max(0, Math.min(allowed, limits.maxInFlight() - inFlight));
        tokens -= allowed;
        inFlight += allowed;
        return allowed;
    }

    synchronized void acked(int events) {
        inFlight -= events;
    }

    /** @return true when this fault spends the last of the error budget and the socket must close */
    synchronized boolean strike() {
        return ++strikes >= limits.errorBudget();
    }
}

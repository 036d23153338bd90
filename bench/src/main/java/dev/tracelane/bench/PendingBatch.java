package dev.tracelane.bench;

/** A sent batch waiting for its ack and refusals; guarded by its connection's lock. */
final class PendingBatch {
    private final long firstSeq;
    private final int size;
    private final long sentNanos;
    private int answered;
    private boolean resendLater;

    PendingBatch(long firstSeq, int size, long sentNanos) {
        this.firstSeq = firstSeq;
        this.size = size;
        this.sentNanos = sentNanos;
    }

    long firstSeq() {
        return firstSeq;
    }

    long sentNanos() {
        return sentNanos;
    }

    boolean covers(long seq) {
        return seq >= firstSeq && seq < firstSeq + size;
    }

    void acked(int events) {
        answered += events;
    }

    void refused(boolean retryable) {
        answered++;
        resendLater |= retryable;
    }

    /** True when the service asked this connection to back off ("resend later" codes). */
    boolean resendLater() {
        return resendLater;
    }

    boolean complete() {
        return answered >= size;
    }

    int unanswered() {
        return Math.max(0, size - answered);
    }
}

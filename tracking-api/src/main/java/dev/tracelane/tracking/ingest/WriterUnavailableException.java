package dev.tracelane.tracking.ingest;

/**
 * The writer cannot take events now: its queue is full ({@code overloaded}) or PostgreSQL is not answering
 * ({@code unavailable}). Nothing of the submission was stored or acked; the device should resend later.
 */
public class WriterUnavailableException extends RuntimeException {
    private final String code;

    public WriterUnavailableException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

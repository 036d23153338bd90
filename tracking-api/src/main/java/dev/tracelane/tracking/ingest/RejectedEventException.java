package dev.tracelane.tracking.ingest;

/** Thrown by decoders and rules for one bad event; carries no stack trace because it is expected input. */
public class RejectedEventException extends RuntimeException {
    private final String code;

    public RejectedEventException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

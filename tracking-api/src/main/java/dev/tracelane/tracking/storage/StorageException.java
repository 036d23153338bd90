package dev.tracelane.tracking.storage;

/** A database failure that the caller cannot repair; surfaces as 503 (see StorageExceptionHandler). */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

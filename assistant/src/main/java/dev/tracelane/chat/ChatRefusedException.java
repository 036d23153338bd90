package dev.tracelane.chat;

import io.micronaut.http.HttpStatus;

/** A turn the chat would not answer over REST: its status, and for a rate limit when to come back. */
public class ChatRefusedException extends RuntimeException {
    private final HttpStatus status;

    public ChatRefusedException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}

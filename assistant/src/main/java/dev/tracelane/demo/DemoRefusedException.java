package dev.tracelane.demo;

/** The demo cannot start where it was pointed; the message says what to do, and no stack trace is needed. */
public final class DemoRefusedException extends RuntimeException {
    DemoRefusedException(String message) {
        super(message, null, false, false);
    }
}

package dev.tracelane.tracking.storage;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a value PostgreSQL refuses (SQLSTATE class 22, "data exception": a NUL character in text, a number out
 * of range) from a database that does not answer. The first is the request's fault and retrying cannot help;
 * the second is an outage the caller may wait out.
 */
public final class RefusedValues {
    private static final String NUL_IN_TEXT = "22021";

    private RefusedValues() {
    }

    /** What PostgreSQL refused, said for the client, when {@code failure} (or a cause of it) is such a refusal. */
    public static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                return Optional.of(NUL_IN_TEXT.equals(e.getSQLState())
                        ? "text must not contain the NUL character (U+0000)"
                        : "a value cannot be stored: " + firstLine(e.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        return message == null ? "refused by the database" : message.lines().findFirst().orElse(message);
    }
}

package dev.tracelane.tools.alert;

import java.util.Locale;

public enum Severity {
    INFO, WARNING, CRITICAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an alert's {@code severity} as written is info. */
    public static boolean isInfo(String wire) {
        return INFO.wire().equals(wire);
    }
}

package dev.tracelane.tools.alert;

import java.util.Locale;

public enum Severity {
    INFO, WARNING, CRITICAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but info, warning or critical */
    public static Severity fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Whether an alert's {@code severity} as written is info. */
    public static boolean isInfo(String wire) {
        return INFO.wire().equals(wire);
    }
}

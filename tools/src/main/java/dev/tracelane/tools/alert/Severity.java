package dev.tracelane.tools.alert;

import java.util.Locale;

public enum Severity {
    INFO, WARNING, CRITICAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

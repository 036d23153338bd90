package dev.tracelane.tools.alert;

import java.util.Locale;

/** What an alert is about; one active alert per shipment and type. */
public enum AlertType {
    ROUTE_DEVIATION, UNPLANNED_STOP, TRACKER_SILENT, TEMPERATURE_EXCURSION, PREDICTED_LATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package dev.tracelane.bench.replay;

/** The anomalies the harness injects, each with the alert type that should answer it and its size's unit. */
enum Anomaly {
    DETOUR("route_deviation", "m"),
    STOP("unplanned_stop", "min"),
    OUTAGE("tracker_silent", "min"),
    TEMPERATURE("temperature_excursion", "°C");

    final String alertType;
    final String unit;

    Anomaly(String alertType, String unit) {
        this.alertType = alertType;
        this.unit = unit;
    }
}

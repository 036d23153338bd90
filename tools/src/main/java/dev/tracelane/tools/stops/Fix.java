package dev.tracelane.tools.stops;

/** A timestamped position in a local plane: seconds and metres. */
public record Fix(double t, double x, double y) {
}

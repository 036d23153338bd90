package dev.tracelane.tools.eta;

/**
 * How fast a truck drives when it drives freely: the median, by driving time, of its speeds from {@link #FLOOR}
 * up to a GPS glitch's. Jams, towns and stops lower a truck's average speed by chance, and so, on a motorway at
 * rush hour, do stretches just above the floor, which a median passes over; its cruising speed is the driver's
 * habit and the truck's governor, and it is what the road ahead will see. Kept as a histogram of {@link #BIN}
 * m/s steps, so a trace of any length costs the same.
 */
final class CruisingSpeed {
    /** Slower than this is town, a work zone or a jam, not cruising (54 km/h). */
    private static final double FLOOR = 15;
    /** Faster than this between two readings is a GPS glitch (162 km/h). */
    private static final double CEILING = 45;
    private static final double BIN = 0.25;
    /** Cruising before the median is read at all: a few minutes on one stretch say little of the driver. */
    private static final double MIN_SECONDS = 10 * 60;
    private final double[] seconds = new double[(int) Math.round((CEILING - FLOOR) / BIN)];
    private double total;

    /** A span driven throughout at one speed; only speeds in the cruising range count. */
    void add(double metersPerSecond, double drivingSeconds) {
        if (!(metersPerSecond >= FLOOR && metersPerSecond < CEILING && drivingSeconds > 0)) {
            return;
        }
        seconds[(int) ((metersPerSecond - FLOOR) / BIN)] += drivingSeconds;
        total += drivingSeconds;
    }

    /** Driving seconds at a cruising speed so far. */
    double seconds() {
        return total;
    }

    /** The median cruising speed, interpolated within its step; NaN before ten minutes of cruising. */
    double median() {
        double below = 0;
        for (int i = 0; i < seconds.length && total >= MIN_SECONDS; i++) {
            if (below + seconds[i] >= total / 2) {
                return FLOOR + BIN * (i + (total / 2 - below) / seconds[i]);
            }
            below += seconds[i];
        }
        return Double.NaN;
    }
}

package dev.tracelane.tools.eta;

import java.util.Locale;

/**
 * How much a lane knew when a trip set off, which sets how sure the trip's forecasts could be: calibration
 * reads a forecast only against past forecasts made at the same stage. Mixed, the blind forecasts of a lane's
 * first trips widen the window of every later, sharper one.
 */
enum LaneStage {
    /** No delivered trips: a typical speed over a guessed road. */
    NEW("new lanes"),
    /** Delivered trips, but too few with a cruising speed to read a truck's pace from its own. */
    KNOWN("known lanes"),
    /** The lane's trucks' cruising speed is known, so a truck's pace is read from how fast it cruises. */
    CRUISING("lanes paced by cruising");

    private final String label;

    LaneStage(String label) {
        this.label = label;
    }

    /** The trips calibrated at this stage, as {@code basis.calibration} names them. */
    String label() {
        return label;
    }

    /** As {@code lane_trips.lane_stage} holds it. */
    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LaneStage fromStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

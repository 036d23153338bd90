package dev.tracelane.tools.eta;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an ETA rested on, so people and the assistant can see why it says what it says.
 *
 * @param status        {@code planned}, {@code in_transit} or {@code delivered}: which kind of estimate this is
 * @param distance      how the road to go was measured: along the planned route, or the straight line times a
 *                      circuity factor
 * @param speed         where the driving speed came from
 * @param metersPerSecond the driving speed at the time of the estimate
 * @param laneTrips     delivered trips on this lane the profile and calibration learned from
 * @param restRules     the drivers' rest rules applied
 * @param restsAhead    mandatory rests planned before arrival
 * @param stopsAhead    planned stops still ahead, with their dwell
 * @param calibration   which past trips set the window: {@code lane and lanes paced by cruising} or
 *                      {@code lane and known lanes} (the lane's own at the stage it is at now, or all its own
 *                      until three are, leaning on all lanes' at that stage while it has few), {@code new lanes}
 *                      (other lanes' first trips, for a lane with no history), either pool alone where the lane
 *                      has no trip with a forecast at this progress, {@code lane} before any other lane has, or
 *                      {@code none} where neither has enough trips at this progress
 * @param explanation   all of it in a sentence
 */
@Serdeable
public record EtaBasis(String status, String distance, String speed, double metersPerSecond, int laneTrips,
                       String restRules, List<Rest> restsAhead, int stopsAhead, double stopMinutesAhead,
                       String calibration, String explanation) {

    /** @param kind {@code break} or {@code daily rest} */
    @Serdeable
    public record Rest(String kind, long minutes) {
    }
}

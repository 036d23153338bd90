package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.List;

/** Hand-made trips for the tests: straight drives 100 km due east, one ping a minute. */
final class Fixtures {
    static final LatLon ORIGIN = new LatLon(40.0, -90.0);
    static final LatLon DESTINATION = ORIGIN.offset(90, 100_000);
    static final long T0 = 1_780_000_020L; // a whole minute

    private Fixtures() {
    }

    static Trip trip(String id, String lane) {
        return new Trip(id, lane, ORIGIN, DESTINATION, null, null);
    }

    /**
     * Drives from the origin to the destination in {@code drivingMinutes} at constant speed, then stands at the
     * destination; {@code temperature} null for a dry trip.
     */
    static TripData straight(String id, String lane, long start, int drivingMinutes, int dwellMinutes,
                             Double temperature) {
        List<Ping> pings = new ArrayList<>();
        double speed = 100_000.0 / (drivingMinutes * 60);
        for (int m = 0; m <= drivingMinutes + dwellMinutes; m++) {
            LatLon at = ORIGIN.towards(DESTINATION, Math.min(1, m / (double) drivingMinutes));
            pings.add(new Ping(id, start + m * 60L, at.lat(), at.lon(), m < drivingMinutes ? speed : 0.0,
                    temperature));
        }
        return new TripData(trip(id, lane), pings, List.of());
    }
}

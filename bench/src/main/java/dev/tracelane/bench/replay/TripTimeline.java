package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trip's pings in device-time order without duplicates, and the facts every metric shares: when the trip
 * started, when it arrived and how far the truck had driven by each ping. Arrival is the first ping within the
 * service's delivery geofence, so "actual arrival" here is the moment the service marks the shipment delivered.
 */
final class TripTimeline {
    static final double ARRIVAL_METERS = 1_500;

    private final Trip trip;
    private final List<Ping> pings;
    private final double[] travelled;
    private final int arrivalIndex;

    private TripTimeline(Trip trip, List<Ping> pings) {
        this.trip = trip;
        this.pings = pings;
        travelled = new double[pings.size()];
        int arrival = -1;
        for (int i = 0; i < pings.size(); i++) {
            if (i > 0) {
                travelled[i] = travelled[i - 1] + pings.get(i - 1).at().metersTo(pings.get(i).at());
            }
            if (arrival < 0 && pings.get(i).at().metersTo(trip.destination()) <= ARRIVAL_METERS) {
                arrival = i;
            }
        }
        arrivalIndex = arrival;
    }

    static TripTimeline of(TripData data) {
        List<Ping> sorted = new ArrayList<>(data.pings());
        sorted.sort(Comparator.comparingLong(Ping::ts));
        List<Ping> distinct = new ArrayList<>(sorted.size());
        for (Ping p : sorted) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1).ts() != p.ts()) {
                distinct.add(p);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("trip " + data.trip().id() + " has no pings");
        }
        return new TripTimeline(data.trip(), List.copyOf(distinct));
    }

    Trip trip() {
        return trip;
    }

    List<Ping> pings() {
        return pings;
    }

    long firstTs() {
        return pings.get(0).ts();
    }

    long lastTs() {
        return pings.get(pings.size() - 1).ts();
    }

    boolean arrived() {
        return arrivalIndex >= 0;
    }

    /** Only for a trip that {@link #arrived()}. */
    long arrivalTs() {
        if (arrivalIndex < 0) {
            throw new IllegalStateException("trip " + trip.id() + " never reached its destination");
        }
        return pings.get(arrivalIndex).ts();
    }

    int arrivalIndex() {
        return arrivalIndex;
    }

    /** Path length along the pings from the first one to ping {@code index}. */
    double travelledMeters(int index) {
        return travelled[index];
    }

    /** @return the index of the last ping at or before {@code ts}, or -1 when there is none */
    int indexAt(long ts) {
        int lo = 0;
        int hi = pings.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pings.get(mid).ts() <= ts) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}

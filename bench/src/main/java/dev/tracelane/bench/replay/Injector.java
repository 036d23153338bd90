package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Injects one anomaly into a trip's pings (file order kept, so duplicates and late pings stay as they were)
 * and says where it is. Pure functions of their arguments.
 */
final class Injector {
    /**
     * Detours ramp out over two minutes and back over two, as a truck leaves at an exit and rejoins: at highway
     * speed the roads are hundreds of metres apart within a minute or two. (A quarter of the window at most.)
     */
    static final int RAMP_MINUTES = 2;
    static final double REEFER_NORMAL = 4;
    static final double REEFER_PEAK = 12;
    static final int WARMING_MINUTES = 20;
    static final int WARM_MINUTES = 30;
    static final int COOLING_MINUTES = 10;

    record Result(TripData data, Injection injection) {
    }

    private Injector() {
    }

    /**
     * Pings from {@code start} for {@code minutes} are pushed sideways, perpendicular to the way the truck was
     * heading, by up to {@code meters}, on a smooth (sine-squared) ramp out and back.
     *
     * @param clean the trip's own timeline before injection, for the heading at each ping
     */
    static Result detour(TripData data, TripTimeline clean, long start, int minutes, int meters) {
        long end = start + minutes * 60L;
        List<Ping> pings = new ArrayList<>(data.pings().size());
        for (Ping p : data.pings()) {
            if (p.ts() < start || p.ts() >= end) {
                pings.add(p);
                continue;
            }
            double rampSeconds = Math.min(RAMP_MINUTES * 60, (end - start) / 4.0);
            double ramp = Math.min(1, Math.min(p.ts() - start, end - p.ts()) / rampSeconds);
            double off = meters * Math.pow(Math.sin(Math.PI / 2 * ramp), 2);
            pings.add(p.movedTo(p.at().offset(heading(clean, p.ts()) + 90, off)));
        }
        return new Result(new TripData(data.trip(), pings, data.events()),
                new Injection(data.trip().id(), Anomaly.DETOUR, meters, start, end));
    }

    /**
     * The truck stands still at the ping sent at {@code anchorTs} for {@code minutes}, reporting every minute
     * with GPS noise; everything after happens that much later.
     */
    static Result stop(TripData data, long anchorTs, int minutes, Random rng) {
        long shift = minutes * 60L;
        List<Ping> pings = new ArrayList<>(data.pings().size() + minutes);
        boolean inserted = false;
        for (Ping p : data.pings()) {
            pings.add(p.ts() > anchorTs ? p.shifted(shift) : p);
            if (!inserted && p.ts() == anchorTs) {
                inserted = true;
                for (int m = 1; m <= minutes; m++) {
                    LatLon at = p.at().offset(0, rng.nextGaussian() * TrackerNoise.GPS_SIGMA_METERS)
                            .offset(90, rng.nextGaussian() * TrackerNoise.GPS_SIGMA_METERS);
                    Double temperature = p.temperature() == null ? null : p.temperature() + rng.nextGaussian() * 0.1;
                    pings.add(new Ping(p.tripId(), anchorTs + m * 60L, at.lat(), at.lon(),
                            p.speed() == null ? null : 0.0, temperature));
                }
            }
        }
        if (!inserted) {
            throw new IllegalArgumentException("trip " + data.trip().id() + " has no ping at " + anchorTs);
        }
        List<TripEvent> events = data.events().stream().map(e -> e.startTs() > anchorTs ? e.shifted(shift) : e)
                .toList();
        return new Result(new TripData(data.trip(), pings, events),
                new Injection(data.trip().id(), Anomaly.STOP, minutes, anchorTs, anchorTs + shift));
    }

    /** The tracker sends nothing from {@code start} for {@code minutes}. */
    static Result outage(TripData data, long start, int minutes) {
        long end = start + minutes * 60L;
        List<Ping> pings = data.pings().stream().filter(p -> p.ts() < start || p.ts() >= end).toList();
        return new Result(new TripData(data.trip(), pings, data.events()),
                new Injection(data.trip().id(), Anomaly.OUTAGE, minutes, start, end));
    }

    /**
     * The reefer fails at {@code start}: the cargo warms from 4 to 12 °C over 20 minutes, stays there 30, and
     * is cooled back to 4 over 10.
     */
    static Result warming(TripData data, long start, Random rng) {
        long end = start + (WARMING_MINUTES + WARM_MINUTES + COOLING_MINUTES) * 60L;
        List<Ping> pings = new ArrayList<>(data.pings().size());
        for (Ping p : data.pings()) {
            if (p.temperature() == null || p.ts() < start || p.ts() >= end) {
                pings.add(p);
            } else {
                pings.add(p.withTemperature(warmingAt((p.ts() - start) / 60.0) + rng.nextGaussian() * 0.2));
            }
        }
        return new Result(new TripData(data.trip(), pings, data.events()),
                new Injection(data.trip().id(), Anomaly.TEMPERATURE, (int) REEFER_PEAK, start, end));
    }

    static double warmingAt(double minutes) {
        double rise = REEFER_PEAK - REEFER_NORMAL;
        if (minutes < WARMING_MINUTES) {
            return REEFER_NORMAL + rise * minutes / WARMING_MINUTES;
        }
        if (minutes < WARMING_MINUTES + WARM_MINUTES) {
            return REEFER_PEAK;
        }
        return REEFER_PEAK - rise * Math.min(1, (minutes - WARMING_MINUTES - WARM_MINUTES) / COOLING_MINUTES);
    }

    /** The truck's heading at {@code ts}: from the ping before to the ping after. */
    private static double heading(TripTimeline clean, long ts) {
        List<Ping> pings = clean.pings();
        int i = Math.max(0, clean.indexAt(ts));
        return pings.get(Math.max(0, i - 1)).at().bearingTo(pings.get(Math.min(pings.size() - 1, i + 1)).at());
    }
}

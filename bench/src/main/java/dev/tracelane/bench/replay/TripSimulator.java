package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives one trip along its lane's road a minute at a time, noise-free: where the truck truly is, how fast it
 * goes and what its cargo probe reads every 60 s, and the stops it makes. Speed follows the driver's pace,
 * town streets at both ends, weekday rush hours (local time, taken as UTC + longitude / 15 h), traffic
 * incidents, fuel and meal stops, and hours-of-service breaks and rests. {@link TrackerNoise} then turns the
 * truth into what a tracker reports.
 */
final class TripSimulator {
    static final int STEP_SECONDS = 60;
    /** Streets within this distance of either end are slower, down to {@link #TOWN_MPS} at the gate. */
    private static final double TOWN_METERS = 16_000;
    private static final double TOWN_MPS = 8;
    /** No fuel stops on town streets. */
    private static final double NO_STOPS_NEAR_ENDS_METERS = 20_000;

    /** The truth at one moment. */
    record Sample(long ts, LatLon at, double speed, Double temperature) {
    }

    record Drive(List<Sample> samples, List<TripEvent> events) {
    }

    private final String tripId;
    private final Polyline road;
    private final Regime regime;
    private final Random rng;
    private final ReeferProbe probe;
    private final double cruise;
    private final HoursOfService hours = new HoursOfService();
    private final List<Sample> samples = new ArrayList<>();
    private final List<TripEvent> events = new ArrayList<>();
    private long now;
    private double along;
    private double driven;
    private double nextIncidentAt;
    private double incidentEndsAt;
    private double incidentFactor = 1;
    private double nextStopAt;

    private boolean loaded;
    /** When the truck reached the end of the road, before unloading; 0 until then. */
    private long reachedTs;

    /** @param departure epoch seconds of the first ping, at the origin */
    TripSimulator(String tripId, Polyline road, long departure, boolean reefer, Regime regime, Random rng) {
        this.tripId = tripId;
        this.road = road;
        this.regime = regime;
        this.rng = rng;
        this.probe = reefer ? new ReeferProbe(rng) : null;
        this.cruise = pace(regime, rng);
        this.now = departure;
        this.nextIncidentAt = wait(regime.slowdownsPerHour());
        this.nextStopAt = wait(regime.stopsPerHour());
    }

    /** The same truck at the same moment, its future drawn from {@code future}; noise-free and probe-less. */
    private TripSimulator(TripSimulator at, Random future, double cruise) {
        this.tripId = at.tripId;
        this.road = at.road;
        this.regime = at.regime;
        this.rng = future;
        this.probe = null;
        this.cruise = cruise;
        this.now = at.now;
        this.along = at.along;
        this.driven = at.driven;
        this.loaded = at.loaded;
        this.hours.copy(at.hours);
        this.incidentEndsAt = at.incidentEndsAt;
        this.incidentFactor = at.incidentFactor;
        this.nextIncidentAt = Math.max(at.driven, at.incidentEndsAt) + wait(regime.slowdownsPerHour());
        this.nextStopAt = at.driven + wait(regime.stopsPerHour());
    }

    /** @param departure epoch seconds of the first ping, at the origin */
    static Drive drive(String tripId, Polyline road, long departure, boolean reefer, Regime regime, Random rng) {
        TripSimulator trip = new TripSimulator(tripId, road, departure, reefer, regime, rng);
        trip.arrive();
        return new Drive(List.copyOf(trip.samples), List.copyOf(trip.events));
    }

    /**
     * This truck from now on with another future, cruising at {@code cruise} m/s: for a forecaster that knows
     * where the truck is and what its rest clock says but not what lies ahead.
     */
    TripSimulator fork(Random future, double cruise) {
        return new TripSimulator(this, future, cruise);
    }

    double cruise() {
        return cruise;
    }

    List<Sample> samples() {
        return samples;
    }

    static double pace(Regime regime, Random rng) {
        return regime.cruiseMps() * Math.max(0.8, Math.min(1.2, 1 + rng.nextGaussian() * regime.paceSigma()));
    }

    long now() {
        return now;
    }

    /** Runs to the road's end from wherever it is; @return the time it got there */
    long arrive() {
        runUntil(Long.MAX_VALUE);
        return reachedTs;
    }

    /** Drives until {@code until} or the end of the trip, whichever comes first. */
    void runUntil(long until) {
        if (!loaded) {
            loaded = true;
            int loading = 3 + rng.nextInt(13);
            standStill(loading);
            hours.pause(loading * 60.0);
        }
        if (reachedTs != 0) {
            return;
        }
        while (along < road.length() && now < until) {
            HoursOfService.Rest due = hours.due();
            if (due == HoursOfService.Rest.OFF_DUTY) {
                stop(TripEvent.REST, 600 + rng.nextInt(31));
                hours.offDuty();
            } else if (due == HoursOfService.Rest.BREAK) {
                hours.pause(stop(TripEvent.BREAK, 30 + rng.nextInt(11)) * 60.0);
            } else if (driven >= nextStopAt && Math.min(along, road.length() - along) > NO_STOPS_NEAR_ENDS_METERS) {
                hours.pause(stop(TripEvent.STOP, 15 + rng.nextInt(26)) * 60.0);
                nextStopAt = driven + wait(regime.stopsPerHour());
            } else {
                double speed = speed();
                emit(speed);
                along = Math.min(road.length(), along + speed * STEP_SECONDS);
                now += STEP_SECONDS;
                driven += STEP_SECONDS;
                hours.drive(STEP_SECONDS);
            }
        }
        if (along >= road.length()) {
            reachedTs = now;
            standStill(10 + rng.nextInt(31)); // unloading at the destination
        }
    }

    private double speed() {
        double fromEnd = Math.min(along, road.length() - along);
        double town = TOWN_MPS + (cruise - TOWN_MPS) * Math.max(0, Math.min(1, (fromEnd - 1_000) / TOWN_METERS));
        double speed = Math.min(cruise, town);
        LatLon at = road.pointAt(along);
        double localSeconds = now + at.lon() / 15 * 3600;
        long localDay = Math.floorDiv((long) localSeconds, 86_400);
        boolean weekday = Math.floorMod(localDay + 3, 7) < 5; // 1970-01-01 was a Thursday: 0 is Monday
        double localHour = Math.floorMod((long) localSeconds, 86_400) / 3600.0;
        if (weekday && regime.rushHour(localHour)) {
            speed *= Cities.metersToNearest(at) <= regime.urbanMeters() ? regime.rushUrbanFactor()
                    : regime.rushRuralFactor();
        }
        if (driven >= nextIncidentAt) {
            incidentEndsAt = driven + (5 + rng.nextInt(26)) * 60;
            incidentFactor = 0.15 + rng.nextDouble() * 0.45;
            nextIncidentAt = incidentEndsAt + wait(regime.slowdownsPerHour());
        }
        if (driven < incidentEndsAt) {
            speed *= incidentFactor;
        }
        return Math.max(1, speed * (1 + rng.nextGaussian() * 0.04));
    }

    /** @return the stop's length in minutes */
    private int stop(String kind, int minutes) {
        events.add(new TripEvent(tripId, kind, now, now + minutes * 60L));
        standStill(minutes);
        return minutes;
    }

    private void standStill(int minutes) {
        for (int i = 0; i < minutes; i++) {
            emit(0);
            now += STEP_SECONDS;
        }
    }

    private void emit(double speed) {
        samples.add(new Sample(now, road.pointAt(along), speed, probe == null ? null : probe.next()));
    }

    /** Seconds of driving until the next event of a Poisson process with {@code perHour} events an hour. */
    private double wait(double perHour) {
        return -Math.log(1 - rng.nextDouble()) / perHour * 3600;
    }
}

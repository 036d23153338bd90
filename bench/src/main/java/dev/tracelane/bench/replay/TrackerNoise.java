package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a real tracker makes of the truth: GPS noise (σ 8 m) and rare 100 to 300 m outliers, gaps of 2 to 10
 * minutes without a ping, duplicates, and late readings sent after newer ones. The first minutes and the
 * approach to the destination are spared, so every trip starts at its origin and ends, dwelling, within a few
 * metres of its destination. Gaps are returned as events.
 */
final class TrackerNoise {
    static final double GPS_SIGMA_METERS = 8;
    private static final double SPARED_NEAR_DESTINATION_METERS = 3_000;
    private static final int SPARED_FIRST_PINGS = 10;
    private static final int MAX_LATENESS = 5;

    record Output(List<Ping> pings, List<TripEvent> gaps) {
    }

    private TrackerNoise() {
    }

    static Output apply(String tripId, List<TripSimulator.Sample> truth, LatLon destination, Regime regime,
                        Random rng) {
        List<Ping> pings = new ArrayList<>(truth.size() + 16);
        List<Boolean> spared = new ArrayList<>(truth.size() + 16);
        List<TripEvent> gaps = new ArrayList<>();
        double gapChance = regime.gapsPerHour() * TripSimulator.STEP_SECONDS / 3600;
        long gapStart = -1;
        long gapUntil = Long.MIN_VALUE;
        for (int i = 0; i < truth.size(); i++) {
            TripSimulator.Sample s = truth.get(i);
            boolean protectedPing = i < SPARED_FIRST_PINGS
                    || s.at().metersTo(destination) <= SPARED_NEAR_DESTINATION_METERS;
            if (!protectedPing && s.ts() < gapUntil) {
                continue;
            }
            if (gapStart >= 0) {
                gaps.add(new TripEvent(tripId, TripEvent.GAP, gapStart, s.ts()));
                gapStart = -1;
            }
            if (!protectedPing && rng.nextDouble() < gapChance) {
                gapStart = s.ts();
                gapUntil = s.ts() + (2 + rng.nextInt(9)) * 60L;
                continue;
            }
            LatLon at = s.at().offset(0, rng.nextGaussian() * GPS_SIGMA_METERS)
                    .offset(90, rng.nextGaussian() * GPS_SIGMA_METERS);
            if (!protectedPing && rng.nextDouble() < regime.outlierRate()) {
                at = at.offset(rng.nextDouble() * 360, 100 + rng.nextDouble() * 200);
            }
            double speed = s.speed() == 0 ? 0 : Math.max(0, s.speed() * (1 + rng.nextGaussian() * 0.02));
            Ping ping = new Ping(tripId, s.ts(), at.lat(), at.lon(), speed, s.temperature());
            pings.add(ping);
            spared.add(protectedPing);
            if (!protectedPing && rng.nextDouble() < regime.duplicateRate()) {
                pings.add(ping);
                spared.add(true);
            }
        }
        delaySome(pings, spared, regime.lateRate(), rng);
        return new Output(pings, gaps);
    }

    /** Moves a few pings a few places later in sending order: store-and-forward after a brief loss of signal. */
    private static void delaySome(List<Ping> pings, List<Boolean> spared, double rate, Random rng) {
        for (int i = pings.size() - MAX_LATENESS - 1; i >= 0; i--) {
            if (!spared.get(i) && !spared.get(i + MAX_LATENESS) && rng.nextDouble() < rate) {
                Ping late = pings.remove(i);
                spared.remove(i);
                int to = i + 1 + rng.nextInt(MAX_LATENESS);
                pings.add(to, late);
                spared.add(to, true);
            }
        }
    }
}

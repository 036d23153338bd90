package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Which test trips get which anomaly, and where; deterministic for a seed. Each variant gets its own disjoint
 * group of trips (reefers for the warming), at least 30 % stay clean, and every anomaly is placed between 20
 * and 80 % of its trip, clear of the generator's own stops and gaps (so a detection cannot be credited to the
 * wrong cause) and, for detours, where the truck is driving.
 */
final class InjectionPlan {
    record Variant(Anomaly kind, int size) {
    }

    static final List<Variant> VARIANTS = List.of(new Variant(Anomaly.DETOUR, 300), new Variant(Anomaly.DETOUR, 600),
            new Variant(Anomaly.DETOUR, 1000), new Variant(Anomaly.STOP, 20), new Variant(Anomaly.STOP, 45),
            new Variant(Anomaly.OUTAGE, 20), new Variant(Anomaly.TEMPERATURE, (int) Injector.REEFER_PEAK));
    static final double MIN_CLEAN_SHARE = 0.3;
    private static final double MOVING_MPS = 5;
    private static final long QUIET_BEFORE = 10 * 60;
    private static final long QUIET_AFTER = 30 * 60;
    private static final int ATTEMPTS = 200;

    /** @param trips all trips, anomalies injected; @param clean ids of the trips left alone */
    record Result(List<TripData> trips, List<Injection> injections, Set<String> clean) {
    }

    private InjectionPlan() {
    }

    static Result apply(List<TripData> trips, long seed) {
        Random rng = new Random(seed);
        Map<Integer, Variant> assigned = assign(trips, rng);
        List<TripData> out = new ArrayList<>(trips);
        List<Injection> injections = new ArrayList<>();
        Set<String> clean = new HashSet<>();
        for (int i = 0; i < trips.size(); i++) {
            TripData data = trips.get(i);
            Variant variant = assigned.get(i);
            TripTimeline timeline = TripTimeline.of(data);
            Injector.Result injected = variant == null || !timeline.arrived() ? null
                    : inject(data, timeline, variant, rng);
            if (injected == null) {
                clean.add(data.trip().id());
            } else {
                out.set(i, injected.data());
                injections.add(injected.injection());
            }
        }
        return new Result(out, injections, clean);
    }

    /** Trip index to variant: reefers for the warming first (they are the scarce ones), then the rest in turn. */
    private static Map<Integer, Variant> assign(List<TripData> trips, Random rng) {
        int perVariant = (int) Math.floor(trips.size() * (1 - MIN_CLEAN_SHARE) / VARIANTS.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < trips.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rng);
        Map<Integer, Variant> assigned = new LinkedHashMap<>();
        Map<Variant, Integer> counts = new LinkedHashMap<>();
        VARIANTS.forEach(v -> counts.put(v, 0));
        Variant warming = VARIANTS.stream().filter(v -> v.kind() == Anomaly.TEMPERATURE).findFirst().orElseThrow();
        for (int i : order) {
            if (trips.get(i).reefer() && counts.get(warming) < perVariant) {
                assigned.put(i, warming);
                counts.merge(warming, 1, Integer::sum);
            }
        }
        List<Variant> others = VARIANTS.stream().filter(v -> v != warming).toList();
        int turn = 0;
        for (int i : order) {
            for (int k = 0; k < others.size() && !assigned.containsKey(i); k++) {
                Variant v = others.get((turn + k) % others.size());
                if (counts.get(v) < perVariant) {
                    assigned.put(i, v);
                    counts.merge(v, 1, Integer::sum);
                    turn = (turn + k + 1) % others.size();
                }
            }
        }
        return assigned;
    }

    private static Injector.Result inject(TripData data, TripTimeline timeline, Variant variant, Random rng) {
        return switch (variant.kind()) {
            case DETOUR -> {
                int minutes = 10 + rng.nextInt(11);
                long start = place(data, timeline, minutes * 60L, true, rng);
                yield start < 0 ? null : Injector.detour(data, timeline, start, minutes, variant.size());
            }
            case STOP -> {
                long anchor = place(data, timeline, variant.size() * 60L, false, rng);
                yield anchor < 0 ? null : Injector.stop(data, anchor, variant.size(), rng);
            }
            case OUTAGE -> {
                long start = place(data, timeline, variant.size() * 60L, false, rng);
                yield start < 0 ? null : Injector.outage(data, start, variant.size());
            }
            case TEMPERATURE -> {
                long length = (Injector.WARMING_MINUTES + Injector.WARM_MINUTES + Injector.COOLING_MINUTES) * 60L;
                long start = place(data, timeline, length, false, rng);
                yield start < 0 ? null : Injector.warming(data, start, rng);
            }
        };
    }

    /** @return the timestamp of an on-time ping where the anomaly fits, or -1 when none does */
    private static long place(TripData data, TripTimeline timeline, long length, boolean driving, Random rng) {
        long first = timeline.firstTs();
        long duration = timeline.arrivalTs() - first;
        Set<Long> late = Checkpoint.latePings(data.pings());
        List<Ping> candidates = timeline.pings().stream().filter(p -> !late.contains(p.ts())
                && p.ts() >= first + 0.2 * duration && p.ts() + length <= first + 0.8 * duration).toList();
        for (int attempt = 0; attempt < ATTEMPTS && !candidates.isEmpty(); attempt++) {
            long start = candidates.get(rng.nextInt(candidates.size())).ts();
            if (quiet(data, start, length) && (!driving || driving(timeline, start, length))) {
                return start;
            }
        }
        return -1;
    }

    /** No stop, rest or gap of the generator's own near the window. */
    private static boolean quiet(TripData data, long start, long length) {
        return data.events().stream().noneMatch(e -> e.endTs() > start - QUIET_BEFORE
                && e.startTs() < start + length + QUIET_AFTER);
    }

    private static boolean driving(TripTimeline timeline, long start, long length) {
        List<Ping> pings = timeline.pings();
        for (int i = Math.max(1, timeline.indexAt(start - 300)); i < pings.size(); i++) {
            Ping p = pings.get(i);
            if (p.ts() > start + length + 300) {
                break;
            }
            Ping before = pings.get(i - 1);
            double speed = p.speed() != null ? p.speed() : before.at().metersTo(p.at()) / (p.ts() - before.ts());
            if (speed < MOVING_MPS) {
                return false;
            }
        }
        return true;
    }
}

package dev.tracelane.bench.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Writes a synthetic, deterministic data set of US interstate truck trips for {@link ReplayBench}: trips.csv,
 * pings.csv and events.csv (formats in bench/README.md). Lanes recur, so there is lane history to learn from;
 * departures are spread over two weeks before a fixed date, never the wall clock, so a seed always writes the
 * same files. With {@code --split}: train and test on the same lanes (train's weeks end before test's begin,
 * as the replay needs), and a held-out set on other lanes drawn from another traffic regime.
 */
public final class TripGenerator {
    static final Instant BASE = Instant.parse("2026-09-01T00:00:00Z");
    /** Departures of a single set, test and heldout. */
    static final Window EVALUATION = new Window(BASE.minus(Duration.ofDays(17)), BASE.minus(Duration.ofDays(3)));
    /** Train departures end three days before test's begin: no train trip is still driving when test starts. */
    static final Window TRAINING = new Window(BASE.minus(Duration.ofDays(48)), BASE.minus(Duration.ofDays(20)));
    static final double REEFER_SHARE = 0.3;
    /** Mean wait between planned departure and the truck actually leaving. */
    private static final double MEAN_DELAY_SECONDS = 15 * 60;
    private static final long MAX_DELAY_SECONDS = 90 * 60;

    record Window(Instant from, Instant until) {
    }

    record Split(List<TripData> train, List<TripData> test, List<TripData> heldout) {
    }

    private TripGenerator() {
    }

    public static void main(String[] args) {
        try {
            if (List.of(args).contains("--help")) {
                System.out.print(GeneratorOptions.USAGE);
                return;
            }
            GeneratorOptions options = GeneratorOptions.parse(args);
            if (options.split()) {
                Split split = split(options.seed(), options.trips(), options.lanes());
                write(options.out().resolve("train"), split.train());
                write(options.out().resolve("test"), split.test());
                write(options.out().resolve("heldout"), split.heldout());
            } else {
                write(options.out(), single(options.seed(), options.trips(), options.lanes()));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(GeneratorOptions.USAGE);
            System.exit(2);
        } catch (IOException e) {
            System.err.println("could not write the data set: " + e);
            System.exit(2);
        }
    }

    static List<TripData> single(long seed, int trips, int laneCount) {
        List<Lane> lanes = lanes(seed, laneCount);
        return Promises.assign(simulate(lanes, "T", 1, trips, EVALUATION, Regime.STANDARD, seed),
                new Random(streamSeed(seed, "promises", 0)));
    }

    static Split split(long seed, int trainTrips, int laneCount) {
        int evaluationTrips = Math.max(1, trainTrips / 4);
        List<Lane> lanes = lanes(seed, laneCount);
        List<TripData> both = new ArrayList<>(simulate(lanes, "T", 1, trainTrips, TRAINING, Regime.STANDARD, seed));
        both.addAll(simulate(lanes, "T", trainTrips + 1, evaluationTrips, EVALUATION, Regime.STANDARD, seed));
        // one promise per lane for train and test alike, as a carrier quotes a lane
        both = Promises.assign(both, new Random(streamSeed(seed, "promises", 0)));

        long otherSeed = seed * 31 + 17;
        Set<String> seen = lanes.stream().map(Lane::pairKey).collect(Collectors.toSet());
        List<Lane> otherLanes = LanePlanner.plan(Math.max(2, Math.min(laneCount / 3, evaluationTrips)),
                new Random(streamSeed(otherSeed, "lanes", 0)), seen);
        List<TripData> heldout = Promises.assign(simulate(otherLanes, "H", 1, evaluationTrips, EVALUATION,
                Regime.HELDOUT, otherSeed), new Random(streamSeed(otherSeed, "promises", 0)));
        return new Split(both.subList(0, trainTrips), both.subList(trainTrips, both.size()), heldout);
    }

    /**
     * One trip before it is driven: its lane, when it was planned to leave and left, and the random stream the
     * rest of it is drawn from.
     */
    record TripStart(String id, Lane lane, long planned, long departure, boolean reefer, Random rng) {
    }

    /** Trip {@code n} runs on lane n mod lanes, from its own random stream, so sets do not disturb each other. */
    static TripStart start(List<Lane> lanes, String prefix, int n, Window window, long seed) {
        Random rng = new Random(streamSeed(seed, prefix, n));
        Lane lane = lanes.get((n - 1) % lanes.size());
        long planned = plannedDeparture(window, lane.origin().at(), rng);
        long departure = planned + Math.min(MAX_DELAY_SECONDS,
                Math.round(-Math.log(1 - rng.nextDouble()) * MEAN_DELAY_SECONDS));
        boolean reefer = rng.nextDouble() < REEFER_SHARE;
        return new TripStart(String.format(Locale.ROOT, "%s%05d", prefix, n), lane, planned, departure, reefer, rng);
    }

    static List<Lane> lanes(long seed, int laneCount) {
        return LanePlanner.plan(laneCount, new Random(streamSeed(seed, "lanes", 0)), Set.of());
    }

    private static List<TripData> simulate(List<Lane> lanes, String prefix, int first, int count, Window window,
                                           Regime regime, long seed) {
        List<TripData> trips = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            TripStart s = start(lanes, prefix, n, window, seed);
            Lane lane = s.lane();
            TripSimulator.Drive drive = TripSimulator.drive(s.id(), lane.road(), s.departure(), s.reefer(), regime,
                    s.rng());
            TrackerNoise.Output reported = TrackerNoise.apply(s.id(), drive.samples(), lane.destination().at(),
                    regime, s.rng());
            List<TripEvent> events = new ArrayList<>(drive.events());
            events.addAll(reported.gaps());
            events.sort((a, b) -> Long.compare(a.startTs(), b.startTs()));
            trips.add(new TripData(new Trip(s.id(), lane.name(), lane.origin().at(), lane.destination().at(),
                    Instant.ofEpochSecond(s.planned()), null), reported.pings(), events));
        }
        return trips;
    }

    /**
     * A well-mixed seed per trip: {@link Random}s seeded with nearby numbers start with nearly the same draws,
     * which put every trip's departure at the same hour.
     */
    static long streamSeed(long seed, String prefix, int n) {
        return new SplittableRandom(seed * 1_000_003L + prefix.hashCode() * 65_537L + n).nextLong();
    }

    /** Any day of the week; mostly daytime at the origin, as dispatchers plan, on a five-minute grid. */
    private static long plannedDeparture(Window window, LatLon origin, Random rng) {
        long from = window.from().getEpochSecond();
        long span = window.until().getEpochSecond() - from;
        long t = from;
        for (int attempt = 0; attempt < 20; attempt++) {
            t = from + (long) (rng.nextDouble() * span);
            t -= Math.floorMod(t, 300);
            double localHour = Math.floorMod(t + Math.round(origin.lon() / 15 * 3600), 86_400) / 3600.0;
            if (localHour >= 4 && localHour < 20 || rng.nextDouble() < 0.3) {
                break;
            }
        }
        return t;
    }

    private static void write(Path directory, List<TripData> trips) throws IOException {
        TripFiles.write(directory, trips);
        int pings = trips.stream().mapToInt(d -> d.pings().size()).sum();
        long lanes = trips.stream().map(d -> d.trip().lane()).distinct().count();
        long reefers = trips.stream().filter(TripData::reefer).count();
        int promised = 0;
        int late = 0;
        List<Double> hours = new ArrayList<>();
        for (TripData data : trips) {
            TripTimeline timeline = TripTimeline.of(data);
            hours.add((timeline.arrivalTs() - timeline.firstTs()) / 3600.0);
            if (data.trip().promisedUntil() != null) {
                promised++;
                late += timeline.arrivalTs() > data.trip().promisedUntil().getEpochSecond() ? 1 : 0;
            }
        }
        System.err.printf(Locale.ROOT, "%s: %d trips on %d lanes, %,d pings, %d reefers, %d of %d promised trips"
                        + " late, median trip %.1f h%n", directory, trips.size(), lanes, pings, reefers, late,
                promised, Quantiles.median(hours).orElse(0));
    }
}

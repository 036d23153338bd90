package dev.tracelane.bench.replay;

import dev.tracelane.bench.Options;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@link ReplayBench}; loopback only, like the other benches.
 *
 * @param events     the evaluated set's events.csv, null when there is none
 * @param trainTrips null when there is no train set
 * @param seed       where and into which trips anomalies are injected
 */
record ReplayOptions(URI url, String adminPassword, Path trips, Path pings, Path events, Path trainTrips,
                     Path trainPings, boolean detectors, int concurrency, long seed, boolean json, Path details,
                     int stepSeconds) {

    static final String USAGE = """
            usage: java -cp bench/target/tracelane-bench.jar dev.tracelane.bench.replay.ReplayBench [options]
              --trips FILE           trips.csv of the evaluated set                      (required)
              --pings FILE           pings.csv of the evaluated set                      (required)
              --events FILE          events.csv of the evaluated set        [events.csv beside --pings, if any]
              --train-trips FILE     trips.csv replayed first, to learn lanes from
              --train-pings FILE     its pings.csv
              --detectors            inject anomalies into the evaluated trips and score the detectors
                                     instead of the ETA
              --seed N               which trips get which anomaly, and where                   [1]
              --concurrency N        parallel HTTP calls while setting up and reading ETAs, 1..64 [8]
              --step-seconds N       event time sent per step; keep it under the pings' interval,
                                     1..3600                                                    [20]
              --url URL              service base URL (loopback only)           [http://127.0.0.1:8080]
              --admin-password PW    platform admin password               [$TRACELANE_ADMIN_PASSWORD]
              --json                 print the report as one JSON line
              --details FILE         write every ETA checkpoint (actual, predictor, window and where its
                                     calibration came from, baselines) as CSV, and
                                     each promised trip's first late alert to late-FILE; with
                                     --detectors, every injection and when it was detected
            """;
    private static final Set<String> VALUED = Set.of("--trips", "--pings", "--events", "--train-trips",
            "--train-pings", "--seed", "--concurrency", "--step-seconds", "--url", "--admin-password", "--details");

    static ReplayOptions parse(String[] arguments, Map<String, String> env) {
        Args args = Args.parse(arguments, VALUED, Set.of("--detectors", "--json"));
        URI url = URI.create(args.get("--url", "http://127.0.0.1:8080").replaceAll("/+$", ""));
        if (!"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("--url must be http://host:port");
        }
        Options.requireLoopback(url.getHost(), "--url");
        String password = args.get("--admin-password", env.getOrDefault("TRACELANE_ADMIN_PASSWORD", ""));
        if (password.isEmpty()) {
            throw new IllegalArgumentException("give --admin-password or set TRACELANE_ADMIN_PASSWORD");
        }
        Path trips = file(args, "--trips", true);
        Path pings = file(args, "--pings", true);
        Path events = file(args, "--events", false);
        if (events == null && Files.isRegularFile(pings.resolveSibling(TripFiles.EVENTS))) {
            events = pings.resolveSibling(TripFiles.EVENTS);
        }
        Path trainTrips = file(args, "--train-trips", false);
        Path trainPings = file(args, "--train-pings", false);
        if ((trainTrips == null) != (trainPings == null)) {
            throw new IllegalArgumentException("--train-trips and --train-pings go together");
        }
        return new ReplayOptions(url, password, trips, pings, events, trainTrips, trainPings,
                args.flag("--detectors"), (int) args.number("--concurrency", 8, 1, 64),
                args.number("--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE), args.flag("--json"),
                args.get("--details") == null ? null : Path.of(args.get("--details")),
                (int) args.number("--step-seconds", 20, 1, 3600));
    }

    private static Path file(Args args, String name, boolean required) {
        String value = args.get(name);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(name + " is required");
            }
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(name + ": no such file " + path);
        }
        return path;
    }
}

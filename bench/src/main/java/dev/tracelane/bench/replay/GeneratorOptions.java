package dev.tracelane.bench.replay;

import java.nio.file.Path;
import java.util.Set;

/**
 * Options of {@link TripGenerator}.
 *
 * @param trips trips in the set; with {@code split}, trips in train, and a quarter as many in test and in heldout
 * @param lanes lanes of the set; with {@code split}, of train and test, and a third as many for heldout
 */
record GeneratorOptions(Path out, long seed, int trips, int lanes, boolean split) {

    static final String USAGE = """
            usage: java -cp bench/target/tracelane-bench.jar dev.tracelane.bench.replay.TripGenerator [options]
              --out DIR      where trips.csv, pings.csv and events.csv go         [replay-data]
              --seed N       the same seed writes the same files                  [1]
              --trips N      trips, 1..20000                                       [240]
              --lanes N      lanes (city pairs), 1..200                            [24]
              --split        write DIR/train (N trips), DIR/test (N/4 trips, same lanes) and DIR/heldout
                             (N/4 trips on other lanes, another seed and another traffic regime)
            """;
    private static final Set<String> VALUED = Set.of("--out", "--seed", "--trips", "--lanes");

    static GeneratorOptions parse(String[] arguments) {
        Args args = Args.parse(arguments, VALUED, Set.of("--split"));
        GeneratorOptions options = new GeneratorOptions(Path.of(args.get("--out", "replay-data")),
                args.number("--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) args.number("--trips", 240, 1, 20_000), (int) args.number("--lanes", 24, 1, 200),
                args.flag("--split"));
        if (options.lanes() > options.trips()) {
            throw new IllegalArgumentException("--lanes must not exceed --trips: every lane needs trips");
        }
        return options;
    }
}

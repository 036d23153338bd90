package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How well the generator's own trips can be foreseen at all: for each test trip of {@link TripGenerator}'s split,
 * at 25 / 50 / 75 % of its duration, the median of many futures simulated from the truck's exact state then
 * (where it is, its rest clock, an incident under way): with the driver's true pace, with the pace read from its
 * cruising speed so far, and with a pace drawn anew for each future. No predictor can know more than the first
 * column, so its error against the lane baseline's bounds the gain a predictor can show on these data. Arrival
 * here is the truck reaching the road's end (no tracker noise), the same for every column.
 */
public final class EtaOracle {
    private static final int[] PERCENTS = {25, 50, 75};

    private EtaOracle() {
    }

    public static void main(String[] arguments) {
        try {
            Args args = Args.parse(arguments, Set.of("--seed", "--trips", "--lanes", "--futures"), Set.of());
            run(args.number("--seed", 23, Long.MIN_VALUE, Long.MAX_VALUE),
                    (int) args.number("--trips", 240, 1, 20_000), (int) args.number("--lanes", 24, 1, 200),
                    (int) args.number("--futures", 201, 1, 10_000));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** On {@link TripGenerator}'s split of the same arguments: {@code trips} train trips, a quarter as many tested. */
    private static void run(long seed, int trips, int laneCount, int futures) {
        List<Lane> lanes = TripGenerator.lanes(seed, laneCount);
        Map<String, List<Double>> durations = new HashMap<>();
        List<Double> cruising = new ArrayList<>();
        for (int n = 1; n <= trips; n++) {
            TripGenerator.TripStart s = TripGenerator.start(lanes, "T", n, TripGenerator.TRAINING, seed);
            TripSimulator truck = simulator(s);
            durations.computeIfAbsent(s.lane().name(), k -> new ArrayList<>())
                    .add((double) (truck.arrive() - s.departure()));
            cruising.add(cruising(truck.samples()));
        }
        double typicalCruising = Quantiles.median(cruising).orElseThrow();
        double[][] error = new double[4][PERCENTS.length];
        int count = 0;
        for (int n = trips + 1; n <= trips + Math.max(1, trips / 4); n++) {
            TripGenerator.TripStart s = TripGenerator.start(lanes, "T", n, TripGenerator.EVALUATION, seed);
            long arrival = simulator(s).arrive();
            double laneMedian = Quantiles.median(durations.get(s.lane().name())).orElseThrow();
            for (int p = 0; p < PERCENTS.length; p++) {
                TripGenerator.TripStart again = TripGenerator.start(lanes, "T", n, TripGenerator.EVALUATION, seed);
                TripSimulator truck = simulator(again);
                truck.runUntil(again.departure() + (arrival - again.departure()) * PERCENTS[p] / 100);
                long at = truck.now();
                double actual = arrival - at;
                double estimated = Regime.STANDARD.cruiseMps() * cruising(truck.samples()) / typicalCruising;
                error[0][p] += Math.abs(median(truck, futures, truck.cruise(), seed, n) - actual);
                error[1][p] += Math.abs(median(truck, futures, estimated, seed, n) - actual);
                error[2][p] += Math.abs(median(truck, futures, Double.NaN, seed, n) - actual);
                error[3][p] += Math.abs(Math.max(0, laneMedian - (at - again.departure())) - actual);
            }
            count++;
        }
        String[] names = {"knowing the state and the driver's pace", "the state, pace from cruising so far",
                "knowing the state only", "lane median duration minus elapsed"};
        System.out.printf(Locale.ROOT, "seed %d, %d test trips, %d futures each; MAE in minutes at 25 / 50 / 75 %%%n",
                seed, count, futures);
        for (int m = 0; m < names.length; m++) {
            System.out.printf(Locale.ROOT, "  %-42s %6.1f %6.1f %6.1f%n", names[m], error[m][0] / count / 60,
                    error[m][1] / count / 60, error[m][2] / count / 60);
        }
        for (int m = 0; m < 3; m++) {
            System.out.printf(Locale.ROOT, "  gain over the lane baseline, %-15s %5.1f %% %5.1f %% %5.1f %%%n",
                    new String[]{"pace known:", "pace estimated:", "pace unknown:"}[m], gain(error[m][0], error[3][0]),
                    gain(error[m][1], error[3][1]), gain(error[m][2], error[3][2]));
        }
    }

    private static TripSimulator simulator(TripGenerator.TripStart s) {
        return new TripSimulator(s.id(), s.lane().road(), s.departure(), s.reefer(), Regime.STANDARD, s.rng());
    }

    /** @param cruise the pace the futures drive at; NaN to draw one for each future */
    private static double median(TripSimulator truck, int futures, double cruise, long seed, int n) {
        List<Double> toGo = new ArrayList<>(futures);
        for (int k = 0; k < futures; k++) {
            Random future = new Random(TripGenerator.streamSeed(seed, "future" + n, k));
            double pace = Double.isNaN(cruise) ? TripSimulator.pace(Regime.STANDARD, future) : cruise;
            toGo.add((double) (truck.fork(future, pace).arrive() - truck.now()));
        }
        return Quantiles.median(toGo).orElseThrow();
    }

    /** The median speed while cruising (above 15 m/s): the driver's pace, whatever the jams and stops. */
    private static double cruising(List<TripSimulator.Sample> samples) {
        List<Double> fast = new ArrayList<>();
        for (TripSimulator.Sample s : samples) {
            if (s.speed() > 15) {
                fast.add(s.speed());
            }
        }
        return Quantiles.median(fast).orElse(Double.NaN);
    }

    private static double gain(double method, double baseline) {
        return 100 * (1 - method / baseline);
    }
}

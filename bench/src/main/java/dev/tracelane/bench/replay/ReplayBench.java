package dev.tracelane.bench.replay;

import dev.tracelane.bench.LatencySummary;
import dev.tracelane.bench.MeasurementWindow;
import dev.tracelane.bench.Stats;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Measures the service's intelligence (QUALITY.md, "Intelligence") by replaying recorded trips through its
 * public API at accelerated event time: an optional train set first, so lanes can be learned, then the
 * evaluated set. In ETA mode it reads the ETA at 25, 50 and 75 % of every trip and scores it next to three
 * baselines, then scores {@code predicted_late} alerts. In detector mode ({@code --detectors}) it injects
 * detours, stops, outages and reefer failures into the evaluated trips, gives each shipment its own path as
 * planned route, and scores the alerts against that ground truth.
 * <p>
 * Each run has its own org (shipper and carrier at once) and its own lanes: lane names are prefixed with the
 * run, so what the service learned in an earlier run, test trips included, cannot leak into this one.
 * Progress goes to stderr, the report to stdout. Exit status 0, or 2 when the run could not be made.
 */
public final class ReplayBench {
    /**
     * The monitors check silences on a 10 s tick and raise alerts on their own thread, well after the last ping
     * of a fast replay is acked: alerts count once they have not changed for this long.
     */
    private static final Duration SETTLE = Duration.ofSeconds(12);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);

    private ReplayBench() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            if (List.of(args).contains("--help")) {
                System.out.print(ReplayOptions.USAGE);
            } else {
                ReplayOptions options = ReplayOptions.parse(args, System.getenv());
                ReplayReport report = run(options, System.err);
                System.out.print(options.json() ? report.toJson() + System.lineSeparator() : report.toText());
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(ReplayOptions.USAGE);
            status = 2;
        } catch (Exception e) {
            System.err.println("replay failed: " + e);
            status = 2;
        }
        // socket threads may still be winding down; the report is out, so do not wait for them
        System.exit(status);
    }

    private static ReplayReport run(ReplayOptions options, PrintStream log) throws Exception {
        List<String> notes = new ArrayList<>();
        DataSets sets = DataSets.load(options, Instant.now(), notes);
        List<TripData> train = sets.train();
        List<TripData> evaluated = sets.evaluated();
        Map<String, TripTimeline> timelines = new HashMap<>();
        evaluated.forEach(t -> timelines.put(t.trip().id(), TripTimeline.of(t)));
        InjectionPlan.Result plan = options.detectors() ? InjectionPlan.apply(evaluated, options.seed()) : null;
        List<TripData> replayed = plan == null ? evaluated : plan.trips();
        if (options.detectors() && options.events() == null) {
            notes.add("no events.csv: the generator's own stops and gaps count as false alarms");
        }

        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), daemon());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(2, daemon())).build();
        ServiceRun run = ServiceRun.create(http, options.url(), options.adminPassword(), train, replayed,
                options.detectors() ? timelines : null, pool, log);

        Stats stats = new Stats();
        long started = System.nanoTime();
        stats.begin(new MeasurementWindow(started, started + TimeUnit.DAYS.toNanos(365)));
        Replayer replayer = new Replayer(http, options.url(), stats, log, options.stepSeconds());
        if (!train.isEmpty()) {
            replayer.replay("train", train, run.trainTrackers(), step -> { });
            log.printf("waiting up to %d min for the train set to be delivered and learned%n",
                    DELIVERY_TIMEOUT.toMinutes());
            List<String> pending = Deliveries.await(run.api(), run.references(train), DELIVERY_TIMEOUT);
            if (!pending.isEmpty()) {
                notes.add(pending.size() + " train shipments were not delivered after "
                        + DELIVERY_TIMEOUT.toMinutes() + " min, so their lanes may not be learned");
            }
        }
        EtaCollector eta = options.detectors() ? null : etaCollector(train, evaluated, timelines, run, pool, notes,
                options.stepSeconds());
        replayer.replay("evaluated", replayed, run.evaluatedTrackers(), eta == null ? step -> { } : eta);
        log.printf("waiting for the monitors to catch up (alerts unchanged for %d s)%n", SETTLE.toSeconds());
        Map<String, List<AlertView>> alerts = settledAlerts(run, replayed, notes);

        EtaSummary etaSummary = null;
        LateSummary late = null;
        if (eta != null) {
            etaSummary = EtaSummary.of(evaluated.size(), eta.results(), eta.timeouts(), eta.unavailable());
            List<LateSummary.Outcome> outcomes = lateOutcomes(evaluated, timelines, alerts);
            late = LateSummary.of(outcomes);
            if (options.details() != null) {
                CheckpointResult.write(eta.results(), options.details());
                LateSummary.write(outcomes, options.details().resolveSibling("late-" + options.details().getFileName()));
            }
        }
        DetectorSummary detectors = plan == null ? null
                : DetectorSummary.of(plan.injections(), plan.clean(), replayed, alerts);
        if (plan != null && options.details() != null) {
            InjectionDetails.write(plan.injections(), alerts, options.details());
        }
        pool.shutdownNow();
        return new ReplayReport(run.id(), train.size(), replayed.size(),
                replayed.stream().map(t -> t.trip().lane()).distinct().count(),
                (System.nanoTime() - started) / 1e9, etaSummary, late, detectors, stats.sentTotal(),
                stats.ackedTotal(), stats.unanswered(), stats.errors(), LatencySummary.of(stats.latencyMicros()),
                notes);
    }

    private static EtaCollector etaCollector(List<TripData> train, List<TripData> evaluated,
                                             Map<String, TripTimeline> timelines, ServiceRun run,
                                             ExecutorService pool, List<String> notes, int stepSeconds) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        evaluated.forEach(t -> checkpoints.addAll(Checkpoint.of(t, timelines.get(t.trip().id()))));
        Baselines baselines = Baselines.learn(train.stream().map(TripTimeline::of).toList());
        long unknown = evaluated.stream().filter(t -> !baselines.knowsLane(t.trip().lane())).count();
        if (unknown > 0) {
            notes.add(unknown + " evaluated trips run on lanes the train set does not have: baselines b and c fall"
                    + " back on the train trips' median speed over " + Baselines.CIRCUITY + " x the great circle");
        }
        return new EtaCollector(new EtaProbe(run.api()), baselines, timelines, checkpoints, run::reference, pool,
                stepSeconds);
    }

    private static Map<String, List<AlertView>> settledAlerts(ServiceRun run, List<TripData> trips,
                                                              List<String> notes)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Map<String, List<AlertView>> last = null;
        while (true) {
            Thread.sleep(SETTLE.toMillis());
            List<String> fetchNotes = new ArrayList<>();
            Map<String, List<AlertView>> now = alertsByTrip(run, trips, fetchNotes);
            boolean settled = now.equals(last);
            if (settled || System.nanoTime() > deadline) {
                notes.addAll(fetchNotes);
                if (!settled) {
                    notes.add("alerts were still changing " + SETTLE_TIMEOUT.toMinutes() + " min after the replay");
                }
                return now;
            }
            last = now;
        }
    }

    private static Map<String, List<AlertView>> alertsByTrip(ServiceRun run, List<TripData> trips, List<String> notes)
            throws IOException, InterruptedException {
        AlertFetcher.Fetched fetched = AlertFetcher.fetch(run.api(), run.references(trips));
        if (!fetched.filtered()) {
            notes.add("GET /api/alerts?shipment= did not filter: alerts read from the whole lists" + (fetched.truncated()
                    ? ", which hit the limit of " + AlertFetcher.LIMIT + " (some may be missing)" : ""));
        }
        Map<String, List<AlertView>> byTrip = new HashMap<>();
        trips.forEach(t -> byTrip.put(t.trip().id(), fetched.of(run.reference(t.trip().id()))));
        if (byTrip.values().stream().flatMap(List::stream).anyMatch(a -> !a.detectedAtGiven())) {
            notes.add("some alerts have no detectedAt: their openedAt (when the condition began) stands in");
        }
        return byTrip;
    }

    private static List<LateSummary.Outcome> lateOutcomes(List<TripData> evaluated,
                                                          Map<String, TripTimeline> timelines,
                                                          Map<String, List<AlertView>> alertsByTrip) {
        List<LateSummary.Outcome> outcomes = new ArrayList<>();
        for (TripData t : evaluated) {
            TripTimeline timeline = timelines.get(t.trip().id());
            if (t.trip().promisedUntil() == null || !timeline.arrived()) {
                continue;
            }
            long arrival = timeline.arrivalTs();
            Long first = alertsByTrip.get(t.trip().id()).stream().filter(a -> "predicted_late".equals(a.type()))
                    .map(AlertView::detectedTs).filter(ts -> ts < arrival).min(Long::compare).orElse(null);
            outcomes.add(new LateSummary.Outcome(t.trip().id(), t.trip().lane(), timeline.firstTs(), arrival,
                    t.trip().promisedUntil().getEpochSecond(), first));
        }
        return outcomes;
    }

    private static ThreadFactory daemon() {
        return task -> {
            Thread thread = new Thread(task, "replay");
            thread.setDaemon(true);
            return thread;
        };
    }
}

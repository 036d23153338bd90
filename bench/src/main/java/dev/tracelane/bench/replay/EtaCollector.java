package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads the predictor's ETA at each checkpoint as the replay passes it and scores it next to the baselines.
 * The replay waits while the checkpoints of a step are read (in parallel), so the service has seen nothing
 * newer than the checkpoint when it answers.
 */
final class EtaCollector implements Replayer.StepListener {
    private final EtaProbe probe;
    private final Baselines baselines;
    private final Map<String, TripTimeline> timelines;
    private final Function<String, String> referenceOf;
    private final ExecutorService pool;
    private final Map<Long, List<Checkpoint>> byStep = new HashMap<>();
    private final List<CheckpointResult> results = new ArrayList<>();
    private int timeouts;
    private int unavailable;

    /**
     * @param timelines   the evaluated trips' timelines, by trip id
     * @param referenceOf shipment reference of a trip id
     */
    EtaCollector(EtaProbe probe, Baselines baselines, Map<String, TripTimeline> timelines,
                 List<Checkpoint> checkpoints, Function<String, String> referenceOf, ExecutorService pool,
                 int stepSeconds) {
        this.probe = probe;
        this.baselines = baselines;
        this.timelines = timelines;
        this.referenceOf = referenceOf;
        this.pool = pool;
        // a checkpoint ping is sent on time, so it is due in the step of its own timestamp
        checkpoints.forEach(c -> byStep.computeIfAbsent(Replayer.stepStart(c.ping().ts(), stepSeconds),
                k -> new ArrayList<>()).add(c));
    }

    @Override
    public void afterStep(long stepStart) throws InterruptedException {
        List<Checkpoint> due = byStep.remove(stepStart);
        if (due == null) {
            return;
        }
        List<Future<EtaProbe.Result>> reads = new ArrayList<>(due.size());
        for (Checkpoint c : due) {
            reads.add(pool.submit(() -> probe.read(referenceOf.apply(c.trip().id()), c.ping().ts())));
        }
        for (int i = 0; i < due.size(); i++) {
            EtaProbe.Result read;
            try {
                read = reads.get(i).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("reading an ETA failed", e.getCause());
            }
            timeouts += read.outcome() == EtaProbe.Outcome.TIMEOUT ? 1 : 0;
            unavailable += read.outcome() == EtaProbe.Outcome.UNAVAILABLE ? 1 : 0;
            Checkpoint c = due.get(i);
            results.add(CheckpointResult.score(c, timelines.get(c.trip().id()), baselines, read.reading()));
        }
    }

    List<CheckpointResult> results() {
        return List.copyOf(results);
    }

    int timeouts() {
        return timeouts;
    }

    int unavailable() {
        return unavailable;
    }
}

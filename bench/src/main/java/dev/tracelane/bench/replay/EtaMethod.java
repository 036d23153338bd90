package dev.tracelane.bench.replay;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The service's predictor and the three baselines it must beat, each read off a {@link CheckpointResult}. */
enum EtaMethod {
    PREDICTOR("predictor", "predictor", CheckpointResult::predictor),
    DISTANCE_OVER_SPEED("distanceOverSpeed", "a) distance / speed so far", CheckpointResult::distanceOverSpeed),
    LANE_MEDIAN("laneMedian", "b) lane median - elapsed", CheckpointResult::laneMedian),
    LANE_PROGRESS("laneProgress", "c) lane time-to-go @ progress", CheckpointResult::laneProgress);

    static final List<EtaMethod> BASELINES = List.of(DISTANCE_OVER_SPEED, LANE_MEDIAN, LANE_PROGRESS);

    final String key;
    final String label;
    private final ToDoubleFunction<CheckpointResult> arrival;

    EtaMethod(String key, String label, ToDoubleFunction<CheckpointResult> arrival) {
        this.key = key;
        this.label = label;
        this.arrival = arrival;
    }

    /** Predicted arrival, epoch seconds; NaN when the method had no answer. */
    double arrival(CheckpointResult result) {
        return arrival.applyAsDouble(result);
    }
}

package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * ETA accuracy over the checkpoints: mean absolute error of remaining time, in minutes, per method at 25, 50
 * and 75 % of the trips and over all checkpoints; how often the p10-p90 window held the arrival; and how much
 * lower the predictor's error is than the best baseline's. Methods are compared on the same checkpoints: those
 * the predictor answered, or all of them when it answered none.
 *
 * @param mae                per method, MAE at 25, 50, 75 % and overall (NaN without data)
 * @param compared           checkpoints compared at 25, 50, 75 % and overall
 * @param coverage           share of compared checkpoints with an interval whose interval held the arrival
 * @param bestBaseline       the baseline with the lowest overall MAE, null without any
 * @param improvementPercent at 25, 50, 75 % and overall: how much lower the predictor's MAE is than the best
 *                           baseline's at that column, in percent (positive is better)
 */
record EtaSummary(int trips, int checkpoints, int answered, int timeouts, int unavailable,
                  Map<EtaMethod, List<Double>> mae, List<Integer> compared, double coverage, int withInterval,
                  EtaMethod bestBaseline, List<Double> improvementPercent) {
    /** The columns: the checkpoint percentages, then 0 for all checkpoints together. */
    static final List<Integer> COLUMNS = List.of(25, 50, 75, 0);
    static final double BAR_PERCENT = 15;

    static EtaSummary of(int trips, List<CheckpointResult> results, int timeouts, int unavailable) {
        List<CheckpointResult> answered = results.stream().filter(r -> !Double.isNaN(r.predictor())).toList();
        List<CheckpointResult> compared = answered.isEmpty() ? results : answered;
        Map<EtaMethod, List<Double>> mae = new EnumMap<>(EtaMethod.class);
        List<Integer> counts = new ArrayList<>();
        for (int column : COLUMNS) {
            List<CheckpointResult> in = column == 0 ? compared
                    : compared.stream().filter(r -> r.percent() == column).toList();
            counts.add(in.size());
            for (EtaMethod method : EtaMethod.values()) {
                mae.computeIfAbsent(method, m -> new ArrayList<>()).add(meanError(in, method));
            }
        }
        EtaMethod best = null;
        for (EtaMethod baseline : EtaMethod.BASELINES) {
            double overall = mae.get(baseline).get(COLUMNS.size() - 1);
            if (!Double.isNaN(overall) && (best == null || overall < mae.get(best).get(COLUMNS.size() - 1))) {
                best = baseline;
            }
        }
        List<Double> improvement = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            double bestHere = Double.NaN;
            for (EtaMethod baseline : EtaMethod.BASELINES) {
                double value = mae.get(baseline).get(i);
                if (!Double.isNaN(value) && (Double.isNaN(bestHere) || value < bestHere)) {
                    bestHere = value;
                }
            }
            improvement.add((bestHere - mae.get(EtaMethod.PREDICTOR).get(i)) / bestHere * 100);
        }
        List<CheckpointResult> withInterval = compared.stream().filter(CheckpointResult::hasInterval).toList();
        double coverage = withInterval.isEmpty() ? Double.NaN
                : withInterval.stream().filter(CheckpointResult::covered).count() / (double) withInterval.size();
        return new EtaSummary(trips, results.size(), answered.size(), timeouts, unavailable, mae, counts, coverage,
                withInterval.size(), best, improvement);
    }

    /** NaN when the method had no answer at some checkpoint, so a partial MAE is never passed off as whole. */
    private static double meanError(List<CheckpointResult> results, EtaMethod method) {
        if (results.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (CheckpointResult r : results) {
            sum += r.errorMinutes(method);
        }
        return sum / results.size();
    }

    boolean meetsBar() {
        return improvementPercent.stream().allMatch(p -> p >= BAR_PERCENT);
    }
}

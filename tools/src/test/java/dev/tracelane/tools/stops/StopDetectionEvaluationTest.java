package dev.tracelane.tools.stops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop detection against the GOAL delivery-driver labels ({@code shared/data/goal-stops-dev}, CC-BY 4.0):
 * point-level F1 of "stopped". The detector's thresholds were tuned on chunks whose id is a multiple of 4;
 * the bar (QUALITY.md: 0.92) is checked on the other chunks, which were never tuned on, and on all.
 */
class StopDetectionEvaluationTest {
    static final Path DATA = Path.of(System.getProperty("tracelane.goal-stops",
            "../../shared/data/goal-stops-dev/points.csv"));

    @Test
    void f1OnTheChunksNeverTunedOnMeetsTheBar() throws IOException {
        Scores heldOut = evaluate(chunk -> chunk % 4 != 0);
        Scores all = evaluate(chunk -> true);
        System.out.printf("goal-stops-dev stop detection: held-out F1 %.3f (P %.3f, R %.3f), all F1 %.3f%n",
                heldOut.f1(), heldOut.precision(), heldOut.recall(), all.f1());
        assertThat(heldOut.f1()).isGreaterThanOrEqualTo(0.92);
        assertThat(all.f1()).isGreaterThanOrEqualTo(0.92);
    }

    record Scores(long truePositives, long falsePositives, long falseNegatives) {
        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }

        double f1() {
            return 2 * precision() * recall() / (precision() + recall());
        }
    }

    private record Labelled(Fix fix, boolean stopped) {
    }

    static Scores evaluate(java.util.function.IntPredicate chunks) throws IOException {
        assertThat(DATA).as("the GOAL data set beside the repository (shared/data)").exists();
        Map<Integer, List<Labelled>> byChunk = new TreeMap<>();
        List<String> lines = Files.readAllLines(DATA);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int chunk = Integer.parseInt(f[0]);
            if (chunks.test(chunk)) {
                byChunk.computeIfAbsent(chunk, k -> new ArrayList<>()).add(new Labelled(
                        new Fix(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])),
                        f[4].equals("stopped")));
            }
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (List<Labelled> points : byChunk.values()) {
            points.sort((a, b) -> Double.compare(a.fix().t(), b.fix().t()));
            boolean[] predicted = StopDetector.stopped(points.stream().map(Labelled::fix).toList());
            for (int i = 0; i < predicted.length; i++) {
                boolean truth = points.get(i).stopped();
                tp += predicted[i] && truth ? 1 : 0;
                fp += predicted[i] && !truth ? 1 : 0;
                fn += !predicted[i] && truth ? 1 : 0;
            }
        }
        return new Scores(tp, fp, fn);
    }
}

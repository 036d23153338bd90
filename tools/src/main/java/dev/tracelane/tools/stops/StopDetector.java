package dev.tracelane.tools.stops;

import java.util.List;

/**
 * Labels each fix of a trajectory as stopped or moving, from speed alone (no map): a fix is stopped when the
 * path speed over its two neighbours on each side is below walking pace, or when the net displacement over
 * three on each side is slower still (a driver walking around a parked truck covers path, not ground).
 * Runs shorter than three fixes are absorbed by their neighbours, so one noisy fix does not split a stop.
 * Tuned on a quarter of the GOAL delivery-driver data and checked on the rest (README, "Figures").
 */
public final class StopDetector {
    private static final int PATH_HALF_WINDOW = 2;
    private static final double PATH_SPEED = 1.5;
    private static final int NET_HALF_WINDOW = 3;
    private static final double NET_SPEED = 1.0;
    private static final int MIN_RUN = 3;

    private StopDetector() {
    }

    /** @param fixes in time order */
    public static boolean[] stopped(List<Fix> fixes) {
        int n = fixes.size();
        boolean[] stopped = new boolean[n];
        double[] path = new double[n];
        for (int i = 1; i < n; i++) {
            path[i] = path[i - 1] + distance(fixes.get(i - 1), fixes.get(i));
        }
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - PATH_HALF_WINDOW);
            int b = Math.min(n - 1, i + PATH_HALF_WINDOW);
            int c = Math.max(0, i - NET_HALF_WINDOW);
            int d = Math.min(n - 1, i + NET_HALF_WINDOW);
            stopped[i] = speed(path[b] - path[a], fixes.get(a), fixes.get(b)) < PATH_SPEED
                    || speed(distance(fixes.get(c), fixes.get(d)), fixes.get(c), fixes.get(d)) < NET_SPEED;
        }
        absorbShortRuns(stopped);
        return stopped;
    }

    private static double speed(double meters, Fix from, Fix to) {
        double seconds = to.t() - from.t();
        return seconds <= 0 ? 0 : meters / seconds;
    }

    private static double distance(Fix a, Fix b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }

    /** Flips inner runs shorter than {@link #MIN_RUN}; the first and last run are kept as they are. */
    private static void absorbShortRuns(boolean[] labels) {
        int start = 0;
        boolean[] original = labels.clone();
        while (start < original.length) {
            int end = start;
            while (end < original.length && original[end] == original[start]) {
                end++;
            }
            if (end - start < MIN_RUN && start > 0 && end < original.length) {
                for (int i = start; i < end; i++) {
                    labels[i] = !original[start];
                }
            }
            start = end;
        }
    }
}

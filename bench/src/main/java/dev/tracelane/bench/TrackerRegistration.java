package dev.tracelane.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Registers a run's trackers a few at a time: thousands of registrations one by one take minutes, all at once
 * would flood the service's blocking pool and the two cores it shares with us.
 */
public final class TrackerRegistration {
    private static final int CONCURRENCY = 16;

    private final AdminApi admin;
    private final PrintStream log;

    public TrackerRegistration(AdminApi admin, PrintStream log) {
        this.admin = admin;
        this.log = log;
    }

    public List<TrackerCredentials> register(String org, int count) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONCURRENCY, count));
        try {
            CompletionService<TrackerCredentials> registrations = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < count; i++) {
                String id = String.format("%s-%05d", org, i);
                registrations.submit(() -> admin.registerTracker(id, org));
            }
            List<TrackerCredentials> trackers = new ArrayList<>(count);
            while (trackers.size() < count) {
                trackers.add(registrations.take().get());
                if (trackers.size() % 500 == 0 || trackers.size() == count) {
                    log.printf("registered %d/%d trackers%n", trackers.size(), count);
                }
            }
            return trackers;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not register the trackers: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

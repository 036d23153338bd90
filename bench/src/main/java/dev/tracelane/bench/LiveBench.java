package dev.tracelane.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live fan-out under load: {@code --shipments} trucks report once a second through {@code /ws/trackers} while
 * {@code --followers} dashboards each follow one shipment and {@code --fleet} dashboards follow the fleet, plus
 * {@code --slow} fleet dashboards that stop reading. Reports commit-to-subscriber latency per kind, fleet
 * frames per second per dashboard, and how the slow ones were closed; latency both from the commit (each ack
 * says when) and from the tracker's send. Bounded in time; loopback only.
 */
public final class LiveBench {
    private static final int OPENING_AT_ONCE = 200;
    /** Fleet dashboards whose every update is timed; the rest time each frame by its oldest update. */
    private static final int FLEET_TIMED_PER_UPDATE = 10;

    private LiveBench() {
    }

    public static void main(String[] args) throws Exception {
        LiveOptions o;
        try {
            o = LiveOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LiveOptions.USAGE);
            System.exit(2);
            return;
        }
        ExecutorService io = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().executor(io).build();
        WebSocketClients sockets = new WebSocketClients();
        AdminApi admin = AdminApi.login(http, o.url(), o.adminPassword());
        String run = "live-" + Long.toString(System.currentTimeMillis(), 36);
        String shipper = run + "-s";
        String carrier = run + "-c";
        admin.createOrg(shipper, "live bench shipper");
        admin.createOrg(carrier, "live bench carrier");
        List<TrackerCredentials> trackers = new TrackerRegistration(admin, System.err).register(carrier, o.shipments());
        List<String> references = admin.createShipments("LIVE", shipper, carrier, trackers);
        System.err.printf("created %d shipments%n", references.size());
        String token = admin.coordinatorToken(carrier);

        Recorder shipmentLatency = new Recorder(3);
        Recorder fleetLatency = new Recorder(3);
        Recorder ackLatency = new Recorder(3);
        CommitClock commits = new CommitClock(references);
        CommitClock.Arrivals shipmentArrivals = new CommitClock.Arrivals();
        CommitClock.Arrivals fleetArrivals = new CommitClock.Arrivals();
        CommitClock.Arrivals fleetUpdates = new CommitClock.Arrivals();
        List<LiveWatcher> followers = open(o.followers(),
                i -> LiveWatcher.open(sockets, o.url(), token,
                        "shipment:" + references.get(i % references.size()),
                        new LiveWatcher.Timing(shipmentLatency, commits, shipmentArrivals, null), false));
        List<LiveWatcher> fleet = open(o.fleet(), i -> LiveWatcher.open(sockets, o.url(), token, "fleet",
                new LiveWatcher.Timing(fleetLatency, commits, fleetArrivals,
                        i < FLEET_TIMED_PER_UPDATE ? fleetUpdates : null), false));
        List<LiveWatcher> slow = open(o.slow(), i -> LiveWatcher.open(sockets, o.url(), token, "fleet",
                new LiveWatcher.Timing(new Recorder(3), commits, new CommitClock.Arrivals(), null), true));
        List<LiveTracker> trucks = open(o.shipments(), i -> LiveTracker.open(sockets, o.url(),
                trackers.get(i).token(),
                Origin.of(i).lat(), Origin.of(i).lon(), ackLatency, i, commits));
        System.err.printf("open: %d trackers, %d followers, %d fleet, %d slow%n", trucks.size(), followers.size(),
                fleet.size(), slow.size());
        System.err.printf("watch it: %s/dashboard#token=%s%n", o.url(), token);

        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        long periodMicros = (long) (1_000_000 / (o.ratePerTracker() * trucks.size()));
        int[] next = {0};
        pacer.scheduleAtFixedRate(() -> trucks.get(next[0]++ % trucks.size()).report(), 0, Math.max(1, periodMicros),
                TimeUnit.MICROSECONDS);
        Thread.sleep(o.warmupSeconds() * 1000L);
        shipmentLatency.reset();
        fleetLatency.reset();
        ackLatency.reset();
        followers.forEach(w -> w.measure(true));
        fleet.forEach(w -> w.measure(true));
        long fleetFramesBefore = fleet.stream().mapToLong(w -> w.frames.get()).sum();
        Thread.sleep(o.durationSeconds() * 1000L);
        long fleetFrames = fleet.stream().mapToLong(w -> w.frames.get()).sum() - fleetFramesBefore;
        Histogram shipmentHistogram = shipmentLatency.getIntervalHistogram();
        Histogram fleetHistogram = fleetLatency.getIntervalHistogram();
        Histogram ackHistogram = ackLatency.getIntervalHistogram();
        followers.forEach(w -> w.measure(false));
        fleet.forEach(w -> w.measure(false));
        pacer.shutdownNow();
        Thread.sleep(2_000); // the acks of the last readings measured
        long[] unmatched = {0};
        Histogram shipmentFromCommit = commits.latency(shipmentArrivals, unmatched);
        Histogram fleetFromCommit = commits.latency(fleetArrivals, unmatched);
        Histogram fleetUpdatesFromCommit = commits.latency(fleetUpdates, unmatched);

        System.out.printf(Locale.ROOT, "Tracelane live bench: %d shipments at %.1f event/s each, %d followers, %d fleet,"
                + " %d slow, %d s measured%n", trucks.size(), o.ratePerTracker(), followers.size(), fleet.size(),
                slow.size(), o.durationSeconds());
        System.out.println("  ingest acks                 " + summary(ackHistogram));
        System.out.println("  commit to subscriber, from the commit time each ack carries (QUALITY.md's measure):");
        System.out.println("    shipment topics           " + summary(shipmentFromCommit));
        System.out.println("    fleet, every update       " + summary(fleetUpdatesFromCommit) + " (of "
                + Math.min(FLEET_TIMED_PER_UPDATE, fleet.size()) + " dashboards)");
        System.out.println("    fleet, oldest per frame   " + summary(fleetFromCommit) + String.format(Locale.ROOT,
                "  %.2f frames/s per dashboard", fleet.isEmpty() ? 0 : fleetFrames / (double) fleet.size()
                        / o.durationSeconds()));
        long wholeBytes = fleet.stream().mapToLong(w -> w.wholeFrameBytes.get()).sum();
        long wholeUpdates = fleet.stream().mapToLong(w -> w.wholeFrameUpdates.get()).sum();
        if (wholeUpdates > 0) {
            System.out.printf(Locale.ROOT, "    fleet frames' size        %.0f bytes per position update (WebSocket payload)%n",
                    wholeBytes / (double) wholeUpdates);
        }
        System.out.println("  send to subscriber, from the reading's ts (ingestion included):");
        System.out.println("    shipment topics           " + summary(shipmentHistogram));
        System.out.println("    fleet, oldest per frame   " + summary(fleetHistogram));
        System.out.println("  arrivals without a known commit (not acked within 2 s of the end): " + unmatched[0]);
        System.out.println("  slow dashboards  closed with " + slow.stream().map(w -> w.closeCode.get()).toList());
        System.out.println("  closed by the server (code=count): followers " + closeCodes(followers) + ", fleet "
                + closeCodes(fleet) + "; readings skipped by the generator "
                + trucks.stream().mapToLong(LiveTracker::skipped).sum());
        System.exit(0);
    }

    private interface Opener<T> {
        CompletableFuture<T> open(int index);
    }

    /** Opens sockets a few hundred at a time, so the handshakes do not pile up. */
    private static <T> List<T> open(int count, Opener<T> opener) {
        List<T> opened = new ArrayList<>(count);
        for (int from = 0; from < count; from += OPENING_AT_ONCE) {
            List<CompletableFuture<T>> wave = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + OPENING_AT_ONCE); i++) {
                wave.add(opener.open(i));
            }
            wave.forEach(f -> opened.add(f.join()));
        }
        return opened;
    }

    private static java.util.Map<Integer, Long> closeCodes(List<LiveWatcher> watchers) {
        return watchers.stream().filter(w -> w.closeCode.get() != 0).collect(java.util.stream.Collectors.groupingBy(
                w -> w.closeCode.get(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private static String summary(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no updates measured";
        }
        return String.format(Locale.ROOT, "p50 %d ms  p99 %d ms  p99.9 %d ms  max %d ms  (%,d updates)",
                h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
                h.getTotalCount());
    }
}

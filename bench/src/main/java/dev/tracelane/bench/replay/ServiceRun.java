package dev.tracelane.bench.replay;

import dev.tracelane.bench.AdminApi;
import dev.tracelane.bench.TrackerCredentials;
import dev.tracelane.bench.TrackerRegistration;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * What a run sets up in the service: its own org (shipper and carrier at once), a coordinator of it to read
 * with, one tracker per trip and one shipment per trip. Lanes are prefixed with the run, because the service
 * learns lanes by name across orgs: without the prefix a second run would find the first run's test trips in
 * its lane history.
 *
 * @param api reads in the run's scope
 */
record ServiceRun(String id, ApiClient api, List<TrackerCredentials> trainTrackers,
                  List<TrackerCredentials> evaluatedTrackers) {

    /** @param routes the evaluated trips' own timelines, sent as their planned routes; null to send none */
    static ServiceRun create(HttpClient http, URI base, String adminPassword, List<TripData> train,
                             List<TripData> evaluated, Map<String, TripTimeline> routes, ExecutorService pool,
                             PrintStream log) throws IOException, InterruptedException {
        AdminApi admin = AdminApi.login(http, base, adminPassword);
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        String id = "replay-" + HexFormat.of().formatHex(suffix);
        admin.createOrg(id, "Replay bench " + id);
        ApiClient api = new ApiClient(http, base, admin.coordinatorToken(id));
        log.printf("run %s: %d train and %d evaluated trips%n", id, train.size(), evaluated.size());
        List<TrackerCredentials> trackers = new TrackerRegistration(admin, log).register(id,
                train.size() + evaluated.size());
        ServiceRun run = new ServiceRun(id, api, trackers.subList(0, train.size()),
                trackers.subList(train.size(), trackers.size()));
        run.createShipments(admin, train, run.trainTrackers(), null, pool);
        run.createShipments(admin, evaluated, run.evaluatedTrackers(), routes, pool);
        log.printf("created %d shipments%n", trackers.size());
        return run;
    }

    String reference(String tripId) {
        return id + "-" + tripId;
    }

    List<String> references(List<TripData> trips) {
        return trips.stream().map(t -> reference(t.trip().id())).toList();
    }

    private void createShipments(AdminApi admin, List<TripData> trips, List<TrackerCredentials> trackers,
                                 Map<String, TripTimeline> routes, ExecutorService pool)
            throws IOException, InterruptedException {
        List<Future<?>> created = new ArrayList<>(trips.size());
        for (int i = 0; i < trips.size(); i++) {
            TripData t = trips.get(i);
            String lane = t.trip().lane() == null ? null : id + "/" + t.trip().lane();
            List<LatLon> route = routes == null ? null : ShipmentRequests.routeOf(routes.get(t.trip().id()));
            String body = ShipmentRequests.body(reference(t.trip().id()), id, lane, t, trackers.get(i).id(), route);
            created.add(pool.submit(() -> {
                admin.createShipment(body);
                return null;
            }));
        }
        for (Future<?> f : created) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IOException("could not create a shipment: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}

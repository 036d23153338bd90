package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.Alerts;
import dev.tracelane.tools.depot.Depots;
import dev.tracelane.tools.eta.EtaSettings;
import dev.tracelane.tools.eta.Etas;
import dev.tracelane.tools.geo.PlaceIndex;
import dev.tracelane.tools.plan.ShipmentPlan;
import dev.tracelane.tools.plan.ShipmentPlans;
import dev.tracelane.tracking.events.EventsCommitted;
import dev.tracelane.tracking.events.ShipmentStatusChanged;
import dev.tracelane.tracking.events.StoredEvent;
import dev.tracelane.tracking.ingest.TrackingEvent;
import dev.tracelane.tracking.shipment.ShipmentStatus;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the detectors and the ETA predictor. Committed events arrive on the writer's thread and are handed to one monitor thread,
 * which keeps each shipment's detectors and turns their verdicts into alerts. Its clocks are event time, one per
 * carrier: the newest reading of that carrier's fleet, or the wall clock when its readings are live
 * ({@link EventClock}), so replays at any speed and live traffic are judged alike, side by side.
 */
@Singleton
public class Monitors {
    private static final Logger LOG = LoggerFactory.getLogger(Monitors.class);
    private final ShipmentPlans plans;
    private final Depots depots;
    private final Alerts alerts;
    private final MonitorSettings settings;
    private final PlaceIndex places;
    private final Etas etas;
    private final EtaSettings etaSettings;
    private final Clock clock;
    private final Map<Long, ShipmentMonitor> monitors = new HashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitors");
        t.setDaemon(true);
        return t;
    });
    /** By carrier org: each fleet's own event time ({@link EventClock}). */
    private final Map<String, EventClock> clocks = new HashMap<>();

    public Monitors(ShipmentPlans plans, Alerts alerts, Depots depots, MonitorSettings settings, PlaceIndex places,
                    Etas etas, EtaSettings etaSettings, Clock clock) {
        this.plans = plans;
        this.depots = depots;
        this.etas = etas;
        this.etaSettings = etaSettings;
        this.alerts = alerts;
        this.settings = settings;
        this.places = places;
        this.clock = clock;
    }

    @EventListener
    void on(EventsCommitted committed) {
        List<StoredEvent> relevant = committed.events().stream().filter(s -> s.shipmentId() != null).toList();
        if (!relevant.isEmpty()) {
            thread.execute(() -> guarded(() -> observe(relevant)));
        }
    }

    @EventListener
    void on(ShipmentStatusChanged change) {
        if (change.status() == ShipmentStatus.IN_TRANSIT) {
            thread.execute(() -> guarded(() -> monitor(change.shipmentId()).eta().leftOrigin()));
        } else if (change.status() == ShipmentStatus.DELIVERED) {
            thread.execute(() -> guarded(() -> {
                ShipmentMonitor monitor = monitor(change.shipmentId());
                monitor.finish(change.at()).forEach(this::apply);
                etas.delivered(monitor.eta(), change.at());
            }));
        }
    }

    /** Live, time passes without readings: silence is checked on the wall clock too. */
    @Scheduled(fixedDelay = "10s", initialDelay = "10s")
    void tick() {
        thread.execute(() -> guarded(() -> checkSilences(clocks.keySet())));
    }

    private void observe(List<StoredEvent> stored) {
        Set<String> heard = new HashSet<>();
        stored.stream().sorted(Comparator.comparing(s -> s.event().ts())).forEach(s -> {
            TrackingEvent e = s.event();
            ShipmentMonitor monitor = monitor(s.shipmentId());
            String carrier = monitor.plan().carrier();
            EventClock fleet = clocks.computeIfAbsent(carrier, c -> new EventClock());
            fleet.hear(e.ts());
            heard.add(carrier);
            monitor.observe(e, fleet.now(clock.instant())).forEach(this::apply);
            monitor.takeEstimate().ifPresent(estimate -> etas.publish(monitor.plan(), estimate));
        });
        heard.removeIf(c -> !clocks.get(c).silenceCheckDue());
        checkSilences(heard);
    }

    /** Checks the shipments of these carriers, each on its fleet's clock, in one pass over the shipments. */
    private void checkSilences(Collection<String> carriers) {
        if (carriers.isEmpty()) {
            return;
        }
        Instant wall = clock.instant();
        Map<String, Instant> nowByCarrier = new HashMap<>();
        carriers.forEach(c -> nowByCarrier.put(c, clocks.get(c).startSilenceCheck(wall)));
        for (ShipmentMonitor m : monitors.values()) {
            Instant now = nowByCarrier.get(m.plan().carrier());
            if (now != null) {
                m.tick(now).forEach(this::apply);
            }
        }
    }

    private ShipmentMonitor monitor(long shipmentId) {
        return monitors.computeIfAbsent(shipmentId, id -> {
            ShipmentPlan plan = plans.load(id);
            DepotCheck depot = (lat, lon) -> depots.at(id, lat, lon).isPresent();
            return new ShipmentMonitor(plan, alerts.activeTypes(id), depot, settings, places, etas.track(plan),
                    etaSettings);
        });
    }

    private void apply(Verdict verdict) {
        if (verdict instanceof Verdict.Raise raise) {
            alerts.raise(raise.draft());
        } else if (verdict instanceof Verdict.Clear clear) {
            alerts.resolve(clear.shipmentId(), clear.type(), clear.at(), clear.evidence(), clear.title());
        }
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("A monitor failed; its shipment's next reading retries", e);
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}

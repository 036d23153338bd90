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
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the detectors and the ETA predictor. Committed events arrive on the writer's thread and are handed to one monitor thread,
 * which keeps each shipment's detectors and turns their verdicts into alerts. Its clock is event time: the
 * newest reading seen, or the wall clock when readings are live (see {@link #now()}), so replays at any speed
 * and live traffic are judged alike.
 */
@Singleton
public class Monitors {
    private static final Logger LOG = LoggerFactory.getLogger(Monitors.class);
    private static final Duration LIVE_LAG = Duration.ofMinutes(10);
    private static final Duration LIVE_ENTER = Duration.ofMinutes(1);
    private static final Duration SILENCE_CHECK = Duration.ofSeconds(10);
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
    private Instant watermark = Instant.EPOCH;
    private Instant silenceCheckedAt = Instant.EPOCH;
    private boolean live;

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
        if (change.status() == ShipmentStatus.DELIVERED) {
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
        thread.execute(() -> guarded(this::checkSilences));
    }

    private void observe(List<StoredEvent> stored) {
        stored.stream().sorted(Comparator.comparing(s -> s.event().ts())).forEach(s -> {
            TrackingEvent e = s.event();
            if (e.ts().isAfter(watermark)) {
                watermark = e.ts();
            }
            ShipmentMonitor monitor = monitor(s.shipmentId());
            monitor.observe(e, now()).forEach(this::apply);
            monitor.takeEstimate().ifPresent(estimate -> etas.publish(monitor.plan(), estimate));
        });
        if (Duration.between(silenceCheckedAt, watermark).compareTo(SILENCE_CHECK) >= 0) {
            checkSilences(); // a replay moves hours of event time between two wall-clock ticks
        }
    }

    private void checkSilences() {
        Instant now = now();
        silenceCheckedAt = watermark;
        monitors.values().forEach(m -> m.tick(now).forEach(this::apply));
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
            alerts.resolve(clear.shipmentId(), clear.type(), clear.at(), clear.evidence());
        }
    }

    /**
     * The wall clock once readings are live, else the watermark. Readings become live when one comes within
     * {@link #LIVE_ENTER} of the wall clock, and stop being live when none has for {@link #LIVE_LAG}: a replay
     * that catches up with the present switches when its clock jumps by little, or every tracker would look
     * silent for the jump.
     */
    private Instant now() {
        Instant wall = clock.instant();
        Duration behind = Duration.between(watermark, wall);
        if (live && behind.compareTo(LIVE_LAG) > 0) {
            live = false;
        } else if (!live && behind.compareTo(LIVE_ENTER) <= 0) {
            live = true;
        }
        return live ? wall : watermark;
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

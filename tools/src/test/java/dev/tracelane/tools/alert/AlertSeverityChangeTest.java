package dev.tracelane.tools.alert;

import dev.tracelane.tools.ShipmentIds;
import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bus says of an alert's severity as it changes: the chat tells people only when it becomes notable. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertSeverityChangeTest implements TestDatabase {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Alerts alerts;
    @Inject
    DataSource dataSource;
    @Inject
    BusRecorder bus;

    @Test
    void anInfoAlertBecomesNotableWhenItRisesAndNotWhenItIsRefreshedOrResolved() throws Exception {
        long shipment = newShipment();
        alerts.raise(stop(shipment, Severity.INFO, 20));
        alerts.raise(stop(shipment, Severity.INFO, 50));
        alerts.raise(stop(shipment, Severity.WARNING, 51));
        alerts.raise(stop(shipment, Severity.WARNING, 81));
        alerts.resolve(shipment, AlertType.UNPLANNED_STOP, T0.plusSeconds(90 * 60), Map.of(), null);

        List<AlertChanged> changes = bus.of(shipment);
        assertThat(changes).extracting(AlertChanged::previousSeverity)
                .containsExactly(null, "info", "info", "warning", "warning");
        assertThat(changes).extracting(AlertChanged::becameNotable).containsExactly(false, false, true, false, false);
    }

    @Test
    void aWarningIsNotableWhenItOpens() throws Exception {
        long shipment = newShipment();
        alerts.raise(stop(shipment, Severity.WARNING, 20));
        assertThat(bus.of(shipment)).singleElement().satisfies(c -> assertThat(c.becameNotable()).isTrue());
    }

    private static AlertDraft stop(long shipment, Severity severity, int minutes) {
        return new AlertDraft(shipment, AlertType.UNPLANNED_STOP, severity, "Stopped " + minutes + " min",
                Map.of("minutesStopped", minutes), T0, T0.plusSeconds(60L * minutes));
    }

    private long newShipment() throws Exception {
        Api api = new Api(client.toBlocking());
        String reference = (String) api.shipment(api.org("shipper"), api.org("carrier"), null, Map.of())
                .get("reference");
        return ShipmentIds.of(dataSource, reference);
    }

    @Singleton
    static class BusRecorder {
        private final List<AlertChanged> changes = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AlertChanged changed) {
            changes.add(changed);
        }

        List<AlertChanged> of(long shipment) {
            return changes.stream().filter(c -> c.shipmentId() == shipment).toList();
        }
    }
}

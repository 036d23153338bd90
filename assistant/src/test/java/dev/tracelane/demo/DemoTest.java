package dev.tracelane.demo;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo seeds its logins and shipments and drives every truck through the real tracker socket. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DataSource dataSource;
    @Inject
    DemoSeeder seeder;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.datasource("tracelane_demo_test", true));
        properties.put("tracelane.demo.enabled", "true");
        properties.put("tracelane.demo.speedup", "3000"); // the 4 h lead replays in about 5 s
        return properties;
    }

    @Test
    void trucksReportThroughTheSocketAndShipmentsMoveThroughTheirStatuses() throws Exception {
        // the catch-up sends each truck's history from its departure, up to a day and a half before the start,
        // a minute-slice at a time: 30 s was borderline on this 2-core machine once the roads grew their vias
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline && (reportingTrackers() < 25 || statuses() < 3)) {
            Thread.sleep(250);
        }
        assertThat(reportingTrackers()).isGreaterThanOrEqualTo(25);
        assertThat(statuses()).as("planned, in_transit and delivered shipments").isEqualTo(3);
    }

    @Test
    void theCoordinatorLoginSeesOnlyItsCarriersShipments() {
        Api api = new Api(client.toBlocking());
        String token = api.login("coordinator", DemoSeeder.PASSWORD);
        List<Map<String, Object>> shipments = api.list("/api/shipments?limit=1000", token);
        assertThat(shipments).isNotEmpty().allSatisfy(s -> assertThat(s).containsEntry("carrier", "roadrunner"));
    }

    @Test
    void theCustomerLoginSeesTwoShipments() {
        Api api = new Api(client.toBlocking());
        assertThat(api.list("/api/shipments", api.login("customer", DemoSeeder.PASSWORD))).hasSize(2);
    }

    @Test
    void seedingADatabaseThatHoldsTheDemoAlreadyIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> seeder.seed(List.of(), DemoSeeder.logins()))
                .isInstanceOf(DemoRefusedException.class).hasMessageContaining("DATASOURCES_DEFAULT_URL");
    }

    private int reportingTrackers() throws Exception {
        return count("SELECT count(DISTINCT tracker_id) FROM tracking_events");
    }

    private int statuses() throws Exception {
        return count("SELECT count(DISTINCT status) FROM shipment_state");
    }

    private int count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

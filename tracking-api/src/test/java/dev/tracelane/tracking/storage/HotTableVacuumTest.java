package dev.tracelane.tracking.storage;

import dev.tracelane.tracking.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tables every reading rewrites are vacuumed and analysed by the service itself, autovacuum or not. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotTableVacuumTest implements TestDatabase {
    @Inject
    DataSource dataSource;
    @Inject
    HotTableVacuum vacuum;

    @Test
    void eachRoundVacuumsAndAnalysesTheOutboxTheTopicsAndTheCurrentState() throws SQLException {
        Map<String, Long> before = counts();
        vacuum.vacuum();
        Map<String, Long> after = counts();
        assertThat(after.keySet()).containsExactlyInAnyOrder("live_outbox", "live_topics", "shipment_state");
        after.forEach((table, count) -> assertThat(count).as(table).isGreaterThan(before.get(table)));
    }

    /** Vacuums plus analyses per table, as PostgreSQL counts them. */
    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT relname, vacuum_count + analyze_count FROM pg_stat_user_tables
                      WHERE relname IN ('live_outbox', 'live_topics', 'shipment_state')""")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}

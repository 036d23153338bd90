package dev.tracelane.tracking.storage;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Vacuums the few small tables that every reading rewrites: the live outbox (a queue: each row is inserted and
 * deleted within a second), the topics' seqs and the shipments' current state. At 5,000 readings a second they
 * leave that many dead rows each second; left to autovacuum's minute (or to nothing, where it is off, as on the
 * CI machines here) the outbox grew to 600,000 dead rows and 100 MB for 1,000 live ones within two minutes, and
 * every read of it slowed accordingly. Vacuuming them often costs little because they stay small; analysing
 * them too keeps the planner's idea of their size current (a queue's backlog can grow a thousandfold).
 */
@Singleton
public class HotTableVacuum {
    private static final Logger LOG = LoggerFactory.getLogger(HotTableVacuum.class);
    private final DataSource dataSource;

    public HotTableVacuum(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelay = "${tracelane.storage.hot-vacuum-interval:10s}", initialDelay = "10s")
    void vacuum() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (ANALYZE) live_outbox, live_topics, shipment_state");
        } catch (SQLException e) {
            LOG.warn("Vacuuming the hot tables failed; will retry: {}", e.toString());
        }
    }
}

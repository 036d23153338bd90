package dev.tracelane.tracking.storage;

import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.time.MovableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs on its own database: it moves the clock, which would drop the shared database's partitions. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionMaintenanceTest implements TestPropertyProvider {
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.datasource("tracelane_partition_test", true);
    }

    @Test
    void daysAreCreatedAheadOldOnesDroppedAndOldEventsLandInTheDefaultPartition() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2030-01-10T12:00:00Z"));
        PartitionMaintenance maintenance = new PartitionMaintenance(dataSource, clock, 3, 2, 5);
        maintenance.run();
        assertThat(partitions("tracking_events_2030")).containsExactly("tracking_events_20300108", "tracking_events_20300109",
                "tracking_events_20300110", "tracking_events_20300111", "tracking_events_20300112",
                "tracking_events_20300113");

        insert("2030-01-09T08:00:00Z");
        insert("2029-06-01T08:00:00Z"); // a replay from long ago: before every partition
        assertThat(partitionOf("2030-01-09T08:00:00Z")).isEqualTo("tracking_events_20300109");
        assertThat(partitionOf("2029-06-01T08:00:00Z")).isEqualTo("tracking_events_default");

        clock.set(Instant.parse("2030-01-16T01:00:00Z"));
        maintenance.run();
        assertThat(partitions("tracking_events_2030")).first().isEqualTo("tracking_events_20300111");
        assertThat(partitions("tracking_events_2030")).last().isEqualTo("tracking_events_20300119");
        assertThat(count("2029-01-01", "2031-01-01")).as("rows older than the retention are gone, from days and default alike").isZero();
    }

    @Test
    void aDayCreatedLaterTakesOverTheRowsTheDefaultPartitionHeldForIt() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2031-03-01T12:00:00Z"));
        PartitionMaintenance maintenance = new PartitionMaintenance(dataSource, clock, 1, 0, 30);
        maintenance.run();
        insert("2031-03-05T08:00:00Z"); // ahead of the partitioned days: lands in default
        assertThat(partitionOf("2031-03-05T08:00:00Z")).isEqualTo("tracking_events_default");
        clock.set(Instant.parse("2031-03-04T12:00:00Z"));
        maintenance.run();
        assertThat(partitionOf("2031-03-05T08:00:00Z")).isEqualTo("tracking_events_20310305");
    }

    private void insert(String ts) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tracking_events (tracker_id, ts, received_at, lat, lon) VALUES ('t', ?::timestamptz, now(), 1, 2)")) {
            ps.setString(1, ts);
            ps.executeUpdate();
        }
    }

    private String partitionOf(String ts) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT tableoid::regclass::text FROM tracking_events WHERE ts = ?::timestamptz")) {
            ps.setString(1, ts);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private int count(String from, String to) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM tracking_events WHERE ts >= ?::timestamptz AND ts < ?::timestamptz")) {
            ps.setString(1, from);
            ps.setString(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<String> partitions(String prefix) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT child.relname FROM pg_inherits
                       JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                       JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                      WHERE parent.relname = 'tracking_events' ORDER BY 1""")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(prefix)) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}

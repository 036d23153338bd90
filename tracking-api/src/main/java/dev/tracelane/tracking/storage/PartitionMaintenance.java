package dev.tracelane.tracking.storage;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one partition of {@code tracking_events} per UTC day, from {@code days-back} before today to
 * {@code days-ahead} after, and drops whole days older than the retention, which is cheaper than deleting rows.
 * Events outside the partitioned days land in the default partition; a day created later takes its rows over,
 * and retention prunes the default partition too. Safe to run on several instances at once (advisory lock).
 */
@Singleton
public class PartitionMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionMaintenance.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final long LOCK_KEY = 0x7472_6163_656c_616eL;

    private final DataSource dataSource;
    private final Clock clock;
    private final int daysAhead;
    private final int daysBack;
    private final int retentionDays;

    public PartitionMaintenance(DataSource dataSource, Clock clock,
                                @Value("${tracelane.partitions.days-ahead:7}") int daysAhead,
                                @Value("${tracelane.partitions.days-back:7}") int daysBack,
                                @Value("${tracelane.retention-days:90}") int retentionDays) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.daysAhead = daysAhead;
        this.daysBack = daysBack;
        this.retentionDays = retentionDays;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        run();
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1h")
    void hourly() {
        run();
    }

    /** @return the partitions created and dropped, for logs and tests */
    public synchronized List<String> run() {
        List<String> changed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement lock = c.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            LocalDate oldestKept = today.minusDays(retentionDays);
            List<LocalDate> existing = existingDays(c);
            LocalDate start = today.minusDays(Math.min(daysBack, retentionDays));
            for (LocalDate day = start; !day.isAfter(today.plusDays(daysAhead)); day = day.plusDays(1)) {
                if (!existing.contains(day)) {
                    create(c, day);
                    changed.add("+" + name(day));
                }
            }
            for (LocalDate day : existing) {
                if (day.isBefore(oldestKept)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP TABLE " + name(day));
                    }
                    changed.add("-" + name(day));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tracking_events_default WHERE ts < ?")) {
                ps.setObject(1, oldestKept.atStartOfDay().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            LOG.warn("Partition maintenance failed; will retry within the hour", e);
        }
        if (!changed.isEmpty()) {
            LOG.info("tracking_events partitions changed: {}", changed);
        }
        return changed;
    }

    private static List<LocalDate> existingDays(Connection c) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT child.relname FROM pg_inherits
                       JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                       JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                      WHERE parent.relname = 'tracking_events' AND child.relname ~ '^tracking_events_[0-9]{8}$'
                      ORDER BY child.relname""")) {
            while (rs.next()) {
                days.add(LocalDate.parse(rs.getString(1).substring("tracking_events_".length()), SUFFIX));
            }
        }
        return days;
    }

    /** Builds the day beside the table, moves in any rows the default partition holds for it, then attaches it. */
    private static void create(Connection c, LocalDate day) throws SQLException {
        String from = "'" + day + " 00:00:00+00'";
        String to = "'" + day.plusDays(1) + " 00:00:00+00'";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name(day) + " (LIKE tracking_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            s.execute("WITH moved AS (DELETE FROM tracking_events_default WHERE ts >= " + from + " AND ts < " + to
                    + " RETURNING *) INSERT INTO " + name(day) + " SELECT * FROM moved");
            s.execute("ALTER TABLE tracking_events ATTACH PARTITION " + name(day) + " FOR VALUES FROM (" + from
                    + ") TO (" + to + ")");
        }
    }

    private static String name(LocalDate day) {
        return "tracking_events_" + SUFFIX.format(day);
    }
}

package dev.tracelane.tracking.live;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/** Drops live messages older than the replay window; a client resuming from before it gets {@code resync}. */
@Singleton
public class LiveRetention {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRetention.class);
    private final DataSource dataSource;
    private final LiveLimits limits;
    private final Clock clock;

    public LiveRetention(DataSource dataSource, LiveLimits limits, Clock clock) {
        this.dataSource = dataSource;
        this.limits = limits;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    void prune() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM live_messages WHERE created_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().minus(limits.replayWindow())));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Pruning live messages failed; will retry: {}", e.toString());
        }
    }
}

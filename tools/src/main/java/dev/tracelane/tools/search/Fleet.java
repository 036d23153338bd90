package dev.tracelane.tools.search;

import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Counts over the caller's shipments, in two scoped queries. */
@Singleton
public class Fleet {
    private static final Duration ON_THE_ROAD = Duration.ofMinutes(30);
    private final DataSource dataSource;
    private final Clock clock;

    public Fleet(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public FleetSummary summary(Scope scope) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            long[] counts = new long[8];
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*),"
                    + " count(*) FILTER (WHERE status = 'planned'), count(*) FILTER (WHERE status = 'in_transit'),"
                    + " count(*) FILTER (WHERE status = 'delivered'),"
                    + " count(*) FILTER (WHERE status = 'in_transit' AND last_ts >= ?),"
                    + " count(*) FILTER (WHERE late_reason IS NOT NULL),"
                    + " count(*) FILTER (WHERE late_reason = 'predicted'),"
                    + " count(*) FILTER (WHERE status <> 'delivered'"
                    + " AND (temperature < temp_min OR temperature > temp_max))"
                    + " FROM (SELECT st.status, st.last_ts, st.temperature, s.temp_min, s.temp_max, "
                    + ShipmentSearch.LATE_REASON + " AS late_reason" + ShipmentSearch.FROM
                    + "WHERE " + Scope.CONDITION + ") mine")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(ON_THE_ROAD)));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setTimestamp(3, Timestamp.from(now));
                scope.bind(c, ps, 4);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = rs.getLong(i + 1);
                    }
                }
            }
            Map<String, Long> alerts = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.type, count(*) FROM alerts a"
                    + " JOIN shipments s ON s.id = a.shipment_id WHERE a.status <> 'resolved' AND "
                    + Scope.CONDITION + " GROUP BY a.type")) {
                scope.bind(c, ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        alerts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new FleetSummary(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
                    counts[7], alerts);
        } catch (SQLException e) {
            throw new StorageException("could not summarise the fleet", e);
        }
    }
}

package dev.tracelane.tools.depot;

import dev.tracelane.tracking.geo.GreatCircle;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orgs' depots in PostgreSQL. Read where they are needed rather than cached, so a depot added on any instance
 * counts at the next stop; the detector asks only once a stop has lasted long enough to alert.
 */
@Singleton
public class Depots {
    private static final String COLUMNS =
            "d.id, d.org_id, d.name, d.lat, d.lon, d.radius_meters, d.created_by, d.created_at";
    private final DataSource dataSource;

    public Depots(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Depot create(String org, String name, double lat, double lon, double radiusMeters, String by,
                        Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO depots (org_id, name, lat, lon, radius_meters, created_by, created_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, org);
            ps.setString(2, name);
            ps.setDouble(3, lat);
            ps.setDouble(4, lon);
            ps.setDouble(5, radiusMeters);
            ps.setString(6, by);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Depot(keys.getLong(1), org, name, lat, lon, radiusMeters, by, at);
            }
        } catch (SQLException e) {
            throw new StorageException("could not store the depot", e);
        }
    }

    public List<Depot> list(String org) {
        return query("SELECT " + COLUMNS + " FROM depots d WHERE d.org_id = ? ORDER BY d.id", ps -> ps.setString(1, org));
    }

    /** @return whether a depot of {@code org} was removed */
    public boolean delete(String org, long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM depots WHERE id = ? AND org_id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, org);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StorageException("could not delete depot " + id, e);
        }
    }

    /** The depot of the shipment's shipper or carrier whose radius covers the point, if any. */
    public Optional<Depot> at(long shipmentId, double lat, double lon) {
        return query("SELECT " + COLUMNS + """
                         FROM depots d JOIN shipments s ON d.org_id IN (s.shipper_id, s.carrier_id)
                        WHERE s.id = ?""", ps -> ps.setLong(1, shipmentId)).stream()
                .filter(d -> GreatCircle.meters(lat, lon, d.lat(), d.lon()) <= d.radiusMeters())
                .findFirst();
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Depot> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Depot> depots = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    depots.add(new Depot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getString(7), Sql.instant(rs.getTimestamp(8))));
                }
            }
            return depots;
        } catch (SQLException e) {
            throw new StorageException("could not read depots", e);
        }
    }
}

package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.storage.StorageException;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.shipment.ShipmentModel.Cargo;
import dev.tracelane.tracking.shipment.ShipmentModel.LineString;
import dev.tracelane.tracking.shipment.ShipmentModel.NewShipment;
import dev.tracelane.tracking.shipment.ShipmentModel.Place;
import dev.tracelane.tracking.shipment.ShipmentModel.Position;
import dev.tracelane.tracking.shipment.ShipmentModel.Shipment;
import dev.tracelane.tracking.shipment.ShipmentModel.Stop;
import dev.tracelane.tracking.shipment.ShipmentModel.Window;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shipments and shipment_state tables. Every read takes a {@link Scope}. */
@Singleton
public class Shipments {
    private static final String COLUMNS = """
            s.id, s.reference, s.shipper_id, s.carrier_id, s.lane, s.origin, s.destination, s.stops, s.planned_route,
            s.planned_departure, s.promised_from, s.promised_until, s.cargo_type, s.temp_min, s.temp_max,
            s.tracker_id, st.status, st.last_ts, st.lat, st.lon, st.speed, st.heading, st.temperature,
            st.departed_at, st.delivered_at, coalesce(st.position_ts, st.last_ts) AS position_ts""";
    private static final String FROM = " FROM shipments s JOIN shipment_state st ON st.shipment_id = s.id ";
    private static final String LATE = """
            (st.delivered_at > s.promised_until
             OR (st.status <> 'delivered' AND s.promised_until < ?))""";

    private final DataSource dataSource;
    private final JsonMapper json;
    private final Clock clock;

    public Shipments(DataSource dataSource, JsonMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @return empty when the shipper already has a shipment with this reference. The lane defaults to
     *         origin and destination.
     */
    public Optional<Shipment> create(NewShipment n) {
        String lane = n.lane() != null && !n.lane().isBlank() ? n.lane() : Lanes.of(n.origin(), n.destination());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO shipments (reference, shipper_id, carrier_id, lane, origin, destination, stops,
                        planned_route, planned_departure, promised_from, promised_until, cargo_type, temp_min,
                        temp_max, tracker_id)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (shipper_id, reference) DO NOTHING
                    RETURNING id""")) {
                Window promised = n.promisedArrival();
                Cargo cargo = n.cargo();
                ps.setString(1, n.reference());
                ps.setString(2, n.shipper());
                ps.setString(3, n.carrier());
                ps.setString(4, lane);
                ps.setString(5, write(n.origin()));
                ps.setString(6, write(n.destination()));
                ps.setString(7, write(n.stops() == null ? List.of() : n.stops()));
                ps.setString(8, n.plannedRoute() == null ? null : write(n.plannedRoute()));
                ps.setObject(9, n.plannedDeparture());
                ps.setObject(10, promised == null ? null : promised.from());
                ps.setObject(11, promised == null ? null : promised.until());
                ps.setString(12, cargo == null ? null : cargo.type());
                Sql.setDouble(ps, 13, cargo == null ? null : cargo.tempMin());
                Sql.setDouble(ps, 14, cargo == null ? null : cargo.tempMax());
                ps.setString(15, n.tracker());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return Optional.empty();
                    }
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO shipment_state (shipment_id) VALUES (?)")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            c.commit();
            return Optional.of(read(c, id));
        } catch (SQLException e) {
            throw new StorageException("could not create shipment " + n.reference(), e);
        }
    }

    /** The internal id of the caller's shipment with this reference (the newest, if two shippers share it). */
    public Optional<Long> findId(Scope scope, String reference) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT s.id FROM shipments s WHERE s.reference = ? AND "
                     + Scope.CONDITION + " ORDER BY s.id DESC LIMIT 1")) {
            ps.setString(1, reference);
            scope.bind(c, ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("could not read shipment " + reference, e);
        }
    }

    /** @return the page by shipment id, in the list's order (newest first) */
    public Map<Long, Shipment> list(Scope scope, ShipmentQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(FROM).append("WHERE ")
                .append(Scope.CONDITION);
        if (query.status() != null) {
            sql.append(" AND st.status = ?");
        }
        if (query.late() != null) {
            sql.append(query.late() ? " AND " : " AND NOT coalesce(").append(LATE).append(query.late() ? "" : ", false)");
        }
        if (query.q() != null) {
            sql.append(" AND ").append("""
                    (s.reference ILIKE ? OR s.lane ILIKE ? OR s.origin->>'name' ILIKE ?
                     OR s.destination->>'name' ILIKE ? OR s.shipper_id ILIKE ? OR s.carrier_id ILIKE ?)""");
        }
        sql.append(" ORDER BY s.id DESC LIMIT ? OFFSET ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = scope.bind(c, ps, 1);
            if (query.status() != null) {
                ps.setString(i++, query.status().wire());
            }
            if (query.late() != null) {
                ps.setObject(i++, now());
            }
            if (query.q() != null) {
                String pattern = "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                for (int k = 0; k < 6; k++) {
                    ps.setString(i++, pattern);
                }
            }
            ps.setInt(i++, query.limit());
            ps.setInt(i, query.offset());
            Map<Long, Shipment> result = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong("id"), map(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StorageException("could not list shipments", e);
        }
    }

    /**
     * Shipments in scope by status, and how many are late (same rule as the {@code late} filter).
     *
     * @param openAlerts alerts of these shipments still open (not yet acknowledged or resolved)
     */
    public record Counts(long planned, long inTransit, long delivered, long late, long openAlerts) {
    }

    public Counts counts(Scope scope) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE st.status = 'planned'),"
                     + " count(*) FILTER (WHERE st.status = 'in_transit'),"
                     + " count(*) FILTER (WHERE st.status = 'delivered'),"
                     + " count(*) FILTER (WHERE " + LATE + "),"
                     + " coalesce(sum((SELECT count(*) FROM alerts a WHERE a.shipment_id = s.id AND a.status = 'open')), 0)"
                     + FROM + "WHERE " + Scope.CONDITION)) {
            ps.setObject(1, now());
            scope.bind(c, ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
        } catch (SQLException e) {
            throw new StorageException("could not count shipments", e);
        }
    }

    /** By internal id, which callers got within a scope. */
    public Shipment get(long id) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, id);
        } catch (SQLException e) {
            throw new StorageException("could not read shipment " + id, e);
        }
    }

    private Shipment read(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + "WHERE s.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        }
    }

    private Shipment map(ResultSet rs) throws SQLException {
        Double tempMin = Sql.getDouble(rs, "temp_min");
        Double tempMax = Sql.getDouble(rs, "temp_max");
        String cargoType = rs.getString("cargo_type");
        OffsetDateTime from = Sql.utc(rs, "promised_from");
        OffsetDateTime until = Sql.utc(rs, "promised_until");
        String route = rs.getString("planned_route");
        Double lat = Sql.getDouble(rs, "lat");
        OffsetDateTime at = Sql.utc(rs, "position_ts"); // the fix's own time, not a later temperature reading's
        Position position = lat == null || at == null ? null : new Position(lat, rs.getDouble("lon"), at,
                Sql.getDouble(rs, "speed"), Sql.getDouble(rs, "heading"),
                Sql.getDouble(rs, "temperature"));
        return new Shipment(rs.getString("reference"), rs.getString("shipper_id"), rs.getString("carrier_id"),
                rs.getString("lane"), read(rs.getString("origin"), Argument.of(Place.class)),
                read(rs.getString("destination"), Argument.of(Place.class)),
                read(rs.getString("stops"), Argument.listOf(Stop.class)),
                route == null ? null : read(route, Argument.of(LineString.class)),
                Sql.utc(rs, "planned_departure"),
                from == null && until == null ? null : new Window(from, until),
                cargoType == null && tempMin == null && tempMax == null ? null
                        : new Cargo(cargoType, tempMin, tempMax),
                rs.getString("tracker_id"), rs.getString("status"), position, Sql.utc(rs, "departed_at"),
                Sql.utc(rs, "delivered_at"), null, List.of());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode " + value, e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON no longer reads as " + type, e);
        }
    }
}

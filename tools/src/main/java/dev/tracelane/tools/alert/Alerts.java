package dev.tracelane.tools.alert;

import dev.tracelane.tracking.live.LiveOutbox;
import dev.tracelane.tracking.live.OutboxEntry;
import dev.tracelane.tracking.live.Topics;
import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts table. Every change is written to the live outbox in the same transaction (topics {@code alerts}
 * and the shipment's own) and published on the bus after the commit, so the chat and dashboards hear of it.
 * Reads and acknowledgements take the caller's {@link Scope}.
 */
@Singleton
public class Alerts {
    private static final String COLUMNS = """
            a.id, s.reference, a.type, a.severity, a.status, a.title, a.evidence::text, a.opened_at, a.updated_at,
            a.acknowledged_at, a.acknowledged_by, a.resolved_at, a.resolved_by, a.shipment_id, a.detected_at""";
    private final DataSource dataSource;
    private final LiveOutbox outbox;
    private final JsonMapper json;
    private final ApplicationEventPublisher<AlertChanged> publisher;

    public Alerts(DataSource dataSource, LiveOutbox outbox, JsonMapper json,
                  ApplicationEventPublisher<AlertChanged> publisher) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.json = json;
        this.publisher = publisher;
    }

    /** Opens the alert, or updates the active one of that type (severity, title, evidence). */
    public Alert raise(AlertDraft draft) {
        return change("""
                WITH prior AS (SELECT severity FROM alerts WHERE shipment_id = ? AND type = ? AND status <> 'resolved')
                INSERT INTO alerts (shipment_id, type, severity, title, evidence, opened_at, updated_at, detected_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (shipment_id, type) WHERE status <> 'resolved'
                DO UPDATE SET severity = EXCLUDED.severity, title = EXCLUDED.title, evidence = EXCLUDED.evidence,
                              updated_at = EXCLUDED.updated_at
                RETURNING id, (SELECT severity FROM prior)""", ps -> {
            ps.setLong(1, draft.shipmentId());
            ps.setString(2, draft.type().wire());
            ps.setLong(3, draft.shipmentId());
            ps.setString(4, draft.type().wire());
            ps.setString(5, draft.severity().wire());
            ps.setString(6, draft.title());
            ps.setString(7, write(draft.evidence()));
            ps.setTimestamp(8, Timestamp.from(draft.since()));
            ps.setTimestamp(9, Timestamp.from(draft.at()));
            ps.setTimestamp(10, Timestamp.from(draft.at()));
        }).orElseThrow();
    }

    /**
     * Resolves the active alert of that type, if any, with the evidence of its end.
     *
     * @param title what the alert now says happened ("Stopped 36 min ..."), or null to keep its title
     */
    public Optional<Alert> resolve(long shipmentId, AlertType type, Instant at, Map<String, Object> evidence,
                                   @Nullable String title) {
        return change("""
                UPDATE alerts SET status = 'resolved', resolved_at = ?, resolved_by = 'system', updated_at = ?,
                                  evidence = evidence || ?::jsonb, title = coalesce(?, title)
                 WHERE shipment_id = ? AND type = ? AND status <> 'resolved'
                RETURNING id, severity""", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, write(evidence));
            ps.setString(4, title);
            ps.setLong(5, shipmentId);
            ps.setString(6, type.wire());
        });
    }

    /** @return empty when no alert with this id is in the caller's scope */
    public Optional<Alert> acknowledge(Scope scope, long id, String username, Instant at) {
        if (find(scope, id).isEmpty()) {
            return Optional.empty();
        }
        Optional<Alert> changed = change("""
                UPDATE alerts SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?, updated_at = ?
                 WHERE id = ? AND status = 'open'
                RETURNING id, severity""", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, username);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setLong(4, id);
        });
        return changed.isPresent() ? changed : find(scope, id);
    }

    public Optional<Alert> find(Scope scope, long id) {
        List<Alert> found = query(" AND a.id = ?", List.of(id), scope, 1);
        return found.stream().findFirst();
    }

    /** The shipment's open and acknowledged alerts, for a caller already known to see the shipment. */
    /** The active alerts of each of these shipments that has any, newest first; one query. */
    public Map<Long, List<Alert>> active(Collection<Long> shipmentIds) {
        Map<Long, List<Alert>> active = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return active;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + ", a.shipment_id FROM alerts a JOIN shipments s ON s.id = a.shipment_id"
                + " WHERE a.shipment_id = ANY (?) AND a.status <> 'resolved' ORDER BY a.updated_at DESC")) {
            ps.setArray(1, c.createArrayOf("bigint", shipmentIds.toArray(Long[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    active.computeIfAbsent(rs.getLong("shipment_id"), k -> new ArrayList<>()).add(map(rs));
                }
            }
            return active;
        } catch (SQLException e) {
            throw new StorageException("could not read alerts", e);
        }
    }

    public List<Alert> active(long shipmentId) {
        return active(List.of(shipmentId)).getOrDefault(shipmentId, List.of());
    }

    /** The types of the shipment's open and acknowledged alerts: what its detectors resume after a restart. */
    public Set<AlertType> activeTypes(long shipmentId) {
        Set<AlertType> types = EnumSet.noneOf(AlertType.class);
        active(shipmentId).forEach(a -> types.add(AlertType.fromWire(a.type())));
        return types;
    }

    /** Newest first; each filter that is null does not narrow. */
    public List<Alert> list(Scope scope, AlertFilter filter, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> values = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" AND a.status = ?");
            values.add(filter.status());
        }
        if (filter.reference() != null) {
            where.append(" AND s.reference = ?");
            values.add(filter.reference());
        }
        if (filter.type() != null) {
            where.append(" AND a.type = ?");
            values.add(filter.type().wire());
        }
        if (filter.severity() != null) {
            where.append(" AND a.severity = ?");
            values.add(filter.severity().wire());
        }
        if (filter.since() != null) {
            where.append(" AND a.updated_at >= ?");
            values.add(Timestamp.from(filter.since()));
        }
        return query(where.toString(), values, scope, limit);
    }

    private List<Alert> query(String where, List<Object> values, Scope scope, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM alerts a JOIN shipments s ON s.id = a.shipment_id WHERE "
                + Scope.CONDITION + where + " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = scope.bind(c, ps, 1);
            for (Object value : values) {
                ps.setObject(i++, value);
            }
            ps.setInt(i, limit);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    alerts.add(map(rs));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new StorageException("could not read alerts", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * Runs one alert change, reads it back, queues its live messages, commits, then publishes it. The statement
     * returns the alert's id and its severity before the change (null when it opened it).
     */
    private Optional<Alert> change(String sql, Binder binder) {
        Alert alert;
        long shipmentId;
        String previousSeverity;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    binder.bind(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return Optional.empty();
                        }
                        id = rs.getLong(1);
                        previousSeverity = rs.getString(2);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM alerts a JOIN shipments s ON s.id = a.shipment_id WHERE a.id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        alert = map(rs);
                        shipmentId = rs.getLong(14);
                    }
                }
                String body = write(alert);
                outbox.append(c, List.of(new OutboxEntry(Topics.ALERTS, shipmentId, "alert", body),
                        new OutboxEntry(Topics.ofShipment(shipmentId), shipmentId, "alert", body)));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("could not change an alert", e);
        }
        publisher.publishEvent(new AlertChanged(shipmentId, alert, previousSeverity));
        return Optional.of(alert);
    }

    private Alert map(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), read(rs.getString(7)), Sql.utc(rs, "opened_at"), Sql.utc(rs, "updated_at"),
                Sql.utc(rs, "acknowledged_at"), rs.getString(11), Sql.utc(rs, "resolved_at"), rs.getString(13),
                Sql.utc(rs, "detected_at"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

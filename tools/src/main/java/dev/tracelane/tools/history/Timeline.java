package dev.tracelane.tools.history;

import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.shipment.Shipments;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What happened to a caller's shipment, in order: milestones and the life of its alerts. */
@Singleton
public class Timeline {
    private final Shipments shipments;
    private final DataSource dataSource;

    public Timeline(Shipments shipments, DataSource dataSource) {
        this.shipments = shipments;
        this.dataSource = dataSource;
    }

    /** @return empty when the shipment is missing or out of scope */
    public Optional<List<TimelineEntry>> of(Scope scope, String reference) {
        return shipments.findId(scope, reference).map(this::read);
    }

    private List<TimelineEntry> read(long id) {
        List<TimelineEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.created_at, st.departed_at, st.delivered_at, coalesce(s.origin->>'name', 'origin'),
                           coalesce(s.destination->>'name', 'destination')
                      FROM shipments s JOIN shipment_state st ON st.shipment_id = s.id WHERE s.id = ?""")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    add(entries, Sql.utc(rs, "created_at"), "created", "Shipment created");
                    add(entries, Sql.utc(rs, "departed_at"), "departed", "Departed " + rs.getString(4));
                    add(entries, Sql.utc(rs, "delivered_at"), "delivered", "Arrived at " + rs.getString(5));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT title, opened_at, acknowledged_at, acknowledged_by, resolved_at FROM alerts
                     WHERE shipment_id = ? ORDER BY opened_at""")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String title = rs.getString(1);
                        add(entries, Sql.utc(rs, "opened_at"), "alert_opened", title);
                        add(entries, Sql.utc(rs, "acknowledged_at"), "alert_acknowledged",
                                "Acknowledged by " + rs.getString(4) + ": " + title);
                        add(entries, Sql.utc(rs, "resolved_at"), "alert_resolved", "Resolved: " + title);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the timeline of shipment " + id, e);
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    private static void add(List<TimelineEntry> entries, OffsetDateTime at, String kind, String text) {
        if (at != null) {
            entries.add(new TimelineEntry(at, kind, text));
        }
    }
}

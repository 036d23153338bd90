package dev.tracelane.tracking.live;

import dev.tracelane.tracking.events.CommitParticipant;
import dev.tracelane.tracking.events.CommittedBatch;
import dev.tracelane.tracking.events.ShipmentReported;
import dev.tracelane.tracking.events.ShipmentStatusChanged;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a commit changed into minimal live messages (position, status) and appends them to the outbox in
 * the same transaction. The NOTIFY that wakes the sequencer follows the commit, in a transaction of its own that
 * does not wait for the disk: PostgreSQL holds one lock for every NOTIFYing transaction until its commit is
 * flushed, so a NOTIFY inside the ingest transaction made all writers' commits, fsync included, take turns. A lost
 * wake-up costs at most the pump's half-second poll. Other publishers (alerts) call {@link #append} inside their
 * own transactions.
 */
@Singleton
public class LiveOutbox implements CommitParticipant {
    static final String CHANNEL = "live_outbox";
    private final JsonMapper json;

    public LiveOutbox(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void beforeCommit(Connection c, CommittedBatch batch) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        for (ShipmentReported r : batch.reported()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ref", r.reference());
            if (r.lat() != null) {
                data.put("lat", r.lat());
                data.put("lon", r.lon());
            }
            data.put("ts", r.ts().toString());
            putIfPresent(data, "speed", r.speed());
            putIfPresent(data, "heading", r.heading());
            putIfPresent(data, "temperature", r.temperature());
            entries.add(OutboxEntry.shipmentAndFleet(r.shipmentId(), "position", write(data)));
        }
        for (ShipmentStatusChanged s : batch.statusChanges()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ref", s.reference());
            data.put("status", s.status().wire());
            data.put("at", s.at().toString());
            entries.add(OutboxEntry.shipmentAndFleet(s.shipmentId(), "status", write(data)));
        }
        insert(c, entries);
    }

    @Override
    public void afterCommit(Connection c, CommittedBatch batch) throws SQLException {
        if (batch.reported().isEmpty() && batch.statusChanges().isEmpty()) {
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL synchronous_commit = off");
        }
        wakeSequencer(c);
        c.commit();
    }

    /** Appends inside the caller's transaction, which wakes the sequencer when it commits. */
    public void append(Connection c, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        insert(c, entries);
        wakeSequencer(c);
    }

    /** Queues the wake-up; PostgreSQL sends it when the transaction commits. */
    private static void wakeSequencer(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("NOTIFY " + CHANNEL);
        }
    }

    private void insert(Connection c, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] topics = new String[n];
        Long[] shipments = new Long[n];
        String[] kinds = new String[n];
        String[] data = new String[n];
        Boolean[] fleet = new Boolean[n];
        for (int i = 0; i < n; i++) {
            OutboxEntry e = entries.get(i);
            topics[i] = e.topic();
            shipments[i] = e.shipmentId();
            kinds[i] = e.kind();
            data[i] = e.json();
            fleet[i] = e.fleet();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO live_outbox (topic, shipment_id, kind, data, fleet)
                SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::boolean[])""")) {
            ps.setArray(1, c.createArrayOf("text", topics));
            ps.setArray(2, c.createArrayOf("bigint", shipments));
            ps.setArray(3, c.createArrayOf("text", kinds));
            ps.setArray(4, c.createArrayOf("text", data));
            ps.setArray(5, c.createArrayOf("boolean", fleet));
            ps.executeUpdate();
        }
    }

    private static void putIfPresent(Map<String, Object> data, String key, Double value) {
        if (value != null) {
            data.put(key, value);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

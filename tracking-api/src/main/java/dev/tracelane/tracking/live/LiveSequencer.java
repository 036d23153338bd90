package dev.tracelane.tracking.live;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves outbox rows into {@code live_messages}, numbering each topic's messages one by one; a shipment's
 * update that the fleet also carries is stored once, with its fleet seq beside its own. Only one sequencer
 * runs at a time across all instances (transaction-scoped advisory lock), so a topic's seq order is the order
 * of commits and message ids grow in commit order, which is what lets feeds read "everything after id N".
 */
@Singleton
public class LiveSequencer {
    static final String CHANNEL = "live";
    private static final long LOCK_KEY = 0x6c69_7665_7365_7100L;
    private static final int BATCH = 5_000;
    private final DataSource dataSource;

    public LiveSequencer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Sequences everything waiting, one committed batch at a time.
     *
     * @param sequenced receives each batch once committed, in id order, so this instance can deliver it
     *                  without reading it back
     */
    public void drain(Sequenced sequenced) throws SQLException {
        List<LiveMessage> batch;
        do {
            batch = sequenceBatch();
            if (!batch.isEmpty()) {
                sequenced.accept(batch);
            }
        } while (batch.size() == BATCH);
    }

    /** Where each committed batch goes. */
    @FunctionalInterface
    public interface Sequenced {
        void accept(List<LiveMessage> batch) throws SQLException;
    }

    private record Pending(String topic, long shipmentId, String kind, String data, boolean fleet) {
    }

    private List<LiveMessage> sequenceBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    // No fsync wait: if PostgreSQL loses this transaction in a crash, the outbox rows come back
                    // and are numbered again in the same order, so subscribers get the same seqs again.
                    s.execute("SET LOCAL synchronous_commit = off");
                    s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                }
                List<Pending> pending = take(c);
                List<LiveMessage> stored = pending.isEmpty() ? List.of() : store(c, pending);
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static List<Pending> take(Connection c) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                WITH taken AS (
                    -- a range of the key, not "id IN (...)": no plan can make that a scan per taken row
                    DELETE FROM live_outbox
                     WHERE id <= (SELECT max(id) FROM (SELECT id FROM live_outbox ORDER BY id LIMIT ?) first)
                    RETURNING id, topic, shipment_id, kind, data, fleet)
                SELECT topic, shipment_id, kind, data, fleet FROM taken ORDER BY id""")) {
            ps.setInt(1, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(new Pending(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5)));
                }
            }
        }
        return pending;
    }

    private static List<LiveMessage> store(Connection c, List<Pending> pending) throws SQLException {
        Set<String> named = new LinkedHashSet<>();
        for (Pending p : pending) {
            named.add(p.topic());
            if (p.fleet()) {
                named.add(Topics.FLEET);
            }
        }
        Map<String, Long> seqs = currentSeqs(c, named.toArray(String[]::new));
        int n = pending.size();
        String[] topics = new String[n];
        Long[] numbers = new Long[n];
        Long[] fleetNumbers = new Long[n];
        Long[] shipments = new Long[n];
        String[] kinds = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            Pending p = pending.get(i);
            long seq = seqs.merge(p.topic(), 1L, Long::sum);
            topics[i] = p.topic();
            numbers[i] = seq;
            fleetNumbers[i] = p.fleet() ? seqs.merge(Topics.FLEET, 1L, Long::sum) : null;
            shipments[i] = p.shipmentId();
            kinds[i] = p.kind();
            data[i] = p.data();
        }
        List<LiveMessage> stored;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO live_messages
                       (topic, seq, fleet_seq, shipment_id, reference, shipper_id, carrier_id, kind, data)
                SELECT u.topic, u.seq, u.fleet_seq, u.shipment_id, s.reference, s.shipper_id, s.carrier_id,
                       u.kind, u.data
                  FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[])
                       WITH ORDINALITY AS u(topic, seq, fleet_seq, shipment_id, kind, data, n)
                  LEFT JOIN shipments s ON s.id = u.shipment_id
                 ORDER BY u.n
                RETURNING\s""" + LiveMessages.COLUMNS)) {
            ps.setArray(1, c.createArrayOf("text", topics));
            ps.setArray(2, c.createArrayOf("bigint", numbers));
            ps.setArray(3, c.createArrayOf("bigint", fleetNumbers));
            ps.setArray(4, c.createArrayOf("bigint", shipments));
            ps.setArray(5, c.createArrayOf("text", kinds));
            ps.setArray(6, c.createArrayOf("text", data));
            try (ResultSet rs = ps.executeQuery()) {
                stored = new ArrayList<>(LiveMessages.read(rs));
            }
        }
        stored.sort(Comparator.comparingLong(LiveMessage::id));
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO live_topics (topic, seq) SELECT * FROM unnest(?::text[], ?::bigint[])
                ON CONFLICT (topic) DO UPDATE SET seq = EXCLUDED.seq""")) {
            ps.setArray(1, c.createArrayOf("text", seqs.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("bigint", seqs.values().toArray()));
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("NOTIFY " + CHANNEL);
        }
        return stored;
    }

    private static Map<String, Long> currentSeqs(Connection c, String[] topics) throws SQLException {
        Map<String, Long> seqs = new HashMap<>();
        for (String topic : topics) {
            seqs.put(topic, 0L);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT topic, seq FROM live_topics WHERE topic = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", topics));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return seqs;
    }
}

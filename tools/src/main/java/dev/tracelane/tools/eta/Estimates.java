package dev.tracelane.tools.eta;

import dev.tracelane.tracking.live.LiveOutbox;
import dev.tracelane.tracking.live.OutboxEntry;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest ETA per shipment. Every estimate is kept in memory and answered from there at once; it is written
 * to {@code shipment_eta} when it moved enough to publish, or after a while in event time, so a restart or
 * another instance finds a recent one. A move is also published on the shipment's topic and {@code fleet}.
 */
@Singleton
public class Estimates {
    private final DataSource dataSource;
    private final LiveOutbox outbox;
    private final JsonMapper json;
    private final EtaSettings settings;
    private final Map<Long, Estimate> latest = new ConcurrentHashMap<>();
    private final Map<Long, Estimate> stored = new ConcurrentHashMap<>();

    public Estimates(DataSource dataSource, LiveOutbox outbox, JsonMapper json, EtaSettings settings) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.json = json;
        this.settings = settings;
    }

    void offer(long shipmentId, String reference, Estimate estimate) {
        latest.put(shipmentId, estimate);
        Estimate last = stored.get(shipmentId);
        boolean moved = last == null || minutesApart(last.eta(), estimate.eta()) >= settings.publishMove().toMinutes()
                || minutesApart(last.p90(), estimate.p90()) >= settings.publishMove().toMinutes();
        boolean due = last == null
                || Duration.between(last.asOf(), estimate.asOf()).compareTo(settings.storeEvery()) >= 0;
        if (moved || due) {
            store(shipmentId, reference, estimate, moved);
            stored.put(shipmentId, estimate);
        }
    }

    /** Forgets a delivered shipment's in-memory estimate; the stored one stays. */
    void forget(long shipmentId) {
        latest.remove(shipmentId);
        stored.remove(shipmentId);
    }

    public Optional<Estimate> find(long shipmentId) {
        Estimate estimate = latest.get(shipmentId);
        return estimate != null ? Optional.of(estimate) : load(shipmentId);
    }

    private static long minutesApart(OffsetDateTime a, OffsetDateTime b) {
        return Math.abs(Duration.between(a, b).toMinutes());
    }

    private void store(long shipmentId, String reference, Estimate e, boolean publish) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO shipment_eta (shipment_id, eta, p10, p90, remaining_meters, as_of, late_probability, basis)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (shipment_id) DO UPDATE SET eta = EXCLUDED.eta, p10 = EXCLUDED.p10, p90 = EXCLUDED.p90,
                           remaining_meters = EXCLUDED.remaining_meters, as_of = EXCLUDED.as_of,
                           late_probability = EXCLUDED.late_probability, basis = EXCLUDED.basis
                     WHERE shipment_eta.as_of <= EXCLUDED.as_of""")) {
                ps.setLong(1, shipmentId);
                ps.setObject(2, e.eta());
                ps.setObject(3, e.p10());
                ps.setObject(4, e.p90());
                ps.setLong(5, e.remainingMeters());
                ps.setObject(6, e.asOf());
                ps.setObject(7, e.lateProbability());
                ps.setString(8, write(e.basis()));
                ps.executeUpdate();
                if (publish) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("ref", reference);
                    data.put("eta", e.eta().toString());
                    data.put("p10", e.p10().toString());
                    data.put("p90", e.p90().toString());
                    data.put("remainingMeters", e.remainingMeters());
                    String text = write(data);
                    outbox.append(c, List.of(OutboxEntry.shipmentAndFleet(shipmentId, "eta", text)));
                }
                c.commit();
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw new StorageException("could not store the ETA of shipment " + shipmentId, ex);
        }
    }

    private Optional<Estimate> load(long shipmentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT eta, p10, p90, remaining_meters, as_of, late_probability, basis::text
                       FROM shipment_eta WHERE shipment_id = ?""")) {
            ps.setLong(1, shipmentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Estimate(Sql.utc(rs, "eta"), Sql.utc(rs, "p10"), Sql.utc(rs, "p90"),
                        Math.round(rs.getDouble(4)), Sql.utc(rs, "as_of"),
                        json.readValue(rs.getString(7), EtaBasis.class), (Double) rs.getObject(6)));
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the ETA of shipment " + shipmentId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

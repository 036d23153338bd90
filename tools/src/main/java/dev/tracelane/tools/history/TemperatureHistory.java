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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The temperature readings of a caller's shipment, summarised. */
@Singleton
public class TemperatureHistory {
    private static final int SAMPLES = 12;
    private final Shipments shipments;
    private final DataSource dataSource;

    public TemperatureHistory(Shipments shipments, DataSource dataSource) {
        this.shipments = shipments;
        this.dataSource = dataSource;
    }

    /** @return empty when the shipment is missing or out of scope; {@code from} null means the whole trip */
    public Optional<TemperatureSummary> summary(Scope scope, String reference, Instant from) {
        return shipments.findId(scope, reference).map(id -> read(id, reference, from));
    }

    private TemperatureSummary read(long id, String reference, Instant from) {
        try (Connection c = dataSource.getConnection()) {
            Double min = null;
            Double max = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT temp_min, temp_max FROM shipments WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    min = Sql.getDouble(rs, "temp_min");
                    max = Sql.getDouble(rs, "temp_max");
                }
            }
            List<TemperatureSummary.Reading> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT ts, temperature FROM tracking_events
                     WHERE shipment_id = ? AND temperature IS NOT NULL AND ts >= ? ORDER BY ts""")) {
                ps.setLong(1, id);
                ps.setTimestamp(2, Timestamp.from(from == null ? Instant.EPOCH : from));
                ps.setFetchSize(2_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(new TemperatureSummary.Reading(
                                rs.getTimestamp(1).toInstant().atOffset(ZoneOffset.UTC), rs.getDouble(2)));
                    }
                }
            }
            return summarise(reference, min, max, all);
        } catch (SQLException e) {
            throw new StorageException("could not read temperatures of " + reference, e);
        }
    }

    static TemperatureSummary summarise(String reference, Double min, Double max,
                                        List<TemperatureSummary.Reading> all) {
        if (all.isEmpty()) {
            return new TemperatureSummary(reference, min, max, 0, null, null, null, 0, null, null, List.of());
        }
        double lowest = Double.MAX_VALUE;
        double highest = -Double.MAX_VALUE;
        double sum = 0;
        long outSeconds = 0;
        for (int i = 0; i < all.size(); i++) {
            double t = all.get(i).celsius();
            lowest = Math.min(lowest, t);
            highest = Math.max(highest, t);
            sum += t;
            boolean out = min != null && max != null && (t < min || t > max);
            if (out && i + 1 < all.size()) {
                outSeconds += Duration.between(all.get(i).ts(), all.get(i + 1).ts()).toSeconds();
            }
        }
        List<TemperatureSummary.Reading> samples = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(all.size() / (double) SAMPLES));
        for (int i = 0; i < all.size(); i += step) {
            samples.add(all.get(i));
        }
        OffsetDateTime first = all.get(0).ts();
        OffsetDateTime last = all.get(all.size() - 1).ts();
        return new TemperatureSummary(reference, min, max, all.size(), lowest, highest,
                Math.round(sum / all.size() * 10) / 10.0, outSeconds / 60, first, last, samples);
    }
}

package dev.tracelane.tracking.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracelane.tracking.storage.StorageException;
import dev.tracelane.tracking.storage.Sql;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A shipment's path as GeoJSON: one LineString feature of the positions in event-time order, with their
 * timestamps in {@code properties.times}. Optional Douglas-Peucker simplification (tolerance in metres).
 */
@Singleton
public class Track {
    /** One degree of latitude; tolerance is applied in degrees, which is close enough for display. */
    private static final double METERS_PER_DEGREE = 111_320;
    private final DataSource dataSource;
    private final GeometryFactory geometry = new GeometryFactory();

    public Track(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** GeoJSON requires {@code features}, empty or not. */
    @Serdeable
    public record FeatureCollection(String type, @JsonInclude(JsonInclude.Include.ALWAYS) List<Feature> features) {
    }

    @Serdeable
    public record Feature(String type, Map<String, Object> geometry, Map<String, Object> properties) {
    }

    public FeatureCollection of(long shipmentId, String reference, Instant from, Instant to, Double simplifyMeters,
                                int maxPoints) {
        List<Coordinate> points = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT ts, lat, lon FROM tracking_events
                      WHERE shipment_id = ? AND ts >= ? AND ts < ? AND lat IS NOT NULL AND NOT implausible
                      ORDER BY ts LIMIT ?""")) {
            ps.setLong(1, shipmentId);
            ps.setTimestamp(2, Sql.timestamp(from));
            ps.setTimestamp(3, Sql.timestamp(to));
            ps.setInt(4, maxPoints);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.add(rs.getTimestamp(1).toInstant());
                    points.add(new Coordinate(rs.getDouble(3), rs.getDouble(2)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the track of " + reference, e);
        }
        if (simplifyMeters != null && simplifyMeters > 0 && points.size() > 2) {
            simplify(points, times, simplifyMeters / METERS_PER_DEGREE);
        }
        List<List<Double>> coordinates = points.stream().map(p -> List.of(p.x, p.y)).toList();
        Feature line = new Feature("Feature",
                Map.of("type", "LineString", "coordinates", coordinates),
                Map.of("reference", reference, "times", times.stream().map(Instant::toString).toList()));
        return new FeatureCollection("FeatureCollection", points.isEmpty() ? List.of() : List.of(line));
    }

    /** Keeps the timestamps of the points the simplifier keeps (it returns a subsequence of the input). */
    private void simplify(List<Coordinate> points, List<Instant> times, double toleranceDegrees) {
        Geometry simplified = DouglasPeuckerSimplifier.simplify(
                geometry.createLineString(points.toArray(Coordinate[]::new)), toleranceDegrees);
        List<Coordinate> kept = new ArrayList<>();
        List<Instant> keptTimes = new ArrayList<>();
        int next = 0;
        for (Coordinate wanted : simplified.getCoordinates()) {
            while (next < points.size() && !points.get(next).equals2D(wanted)) {
                next++;
            }
            if (next < points.size()) {
                kept.add(points.get(next));
                keptTimes.add(times.get(next));
                next++;
            }
        }
        points.clear();
        points.addAll(kept);
        times.clear();
        times.addAll(keptTimes);
    }
}

package dev.tracelane.tools.eta;

import dev.tracelane.tools.plan.ShipmentPlan;
import dev.tracelane.tracking.geo.GreatCircle;
import dev.tracelane.tracking.geo.RouteLine;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a delivered shipment into a {@link LaneTrip}: it re-reads the stored readings (complete, late ones
 * included, whatever this instance saw live) and traces them as the live predictor would.
 */
@Singleton
class LaneLearner {
    private final DataSource dataSource;
    private final EtaSettings settings;

    LaneLearner(DataSource dataSource, EtaSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** @return empty when the shipment has no departure or delivery on record, or no readings */
    Optional<LaneTrip> trip(ShipmentPlan plan, double[] forecastLevels, LaneStage laneStage) {
        try (Connection c = dataSource.getConnection()) {
            Instant departed;
            Instant delivered;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT departed_at, delivered_at FROM shipment_state WHERE shipment_id = ?")) {
                ps.setLong(1, plan.shipmentId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    departed = Sql.instant(rs.getTimestamp(1));
                    delivered = Sql.instant(rs.getTimestamp(2));
                }
            }
            if (departed == null || delivered == null || !delivered.isAfter(departed)) {
                return Optional.empty();
            }
            List<double[]> readings = readings(c, plan.shipmentId(), delivered);
            if (readings.size() < 2) {
                return Optional.empty();
            }
            RouteLine route = plan.routeOrStraightLine();
            TripTrace straight = trace(route, 1, readings);
            double circuity = Math.max(1, straight.pathMeters() / Math.max(1, GreatCircle.meters(
                    plan.origin().lat(), plan.origin().lon(), plan.destination().lat(), plan.destination().lon())));
            TripTrace road = plan.route() != null ? straight : trace(route, circuity, readings);
            return Optional.of(new LaneTrip(plan.shipmentId(), plan.lane(), departed, delivered, road.pathMeters(),
                    circuity, road.timeToGo(delivered, LaneTrip.STEPS), road.hourMeters(), road.hourSeconds(),
                    road.segmentMeters(), road.segmentSeconds(), road.pauseSeconds(), forecastLevels,
                    laneStage, road.cruisingSpeed()));
        } catch (SQLException e) {
            throw new StorageException("could not read the trip of shipment " + plan.shipmentId(), e);
        }
    }

    private TripTrace trace(RouteLine route, double circuity, List<double[]> readings) {
        TripTrace trace = new TripTrace(route, circuity, settings.rules());
        for (double[] r : readings) {
            trace.add(Instant.ofEpochMilli((long) r[0]), r[1], r[2]);
        }
        return trace;
    }

    private static List<double[]> readings(Connection c, long shipmentId, Instant until) throws SQLException {
        List<double[]> readings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT ts, lat, lon FROM tracking_events
                 WHERE shipment_id = ? AND ts <= ? AND lat IS NOT NULL AND NOT implausible ORDER BY ts""")) {
            ps.setLong(1, shipmentId);
            ps.setTimestamp(2, Timestamp.from(until));
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    readings.add(new double[]{rs.getTimestamp(1).getTime(), rs.getDouble(2), rs.getDouble(3)});
                }
            }
        }
        return readings;
    }
}

package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.geo.RouteLine;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads what a monitor needs about a shipment, and which of its alerts are active (after a restart). */
@Singleton
class ShipmentPlans {
    private final DataSource dataSource;
    private final JsonMapper json;

    ShipmentPlans(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    ShipmentPlan load(long shipmentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT reference, origin::text, destination::text, stops::text, planned_route::text,
                            temp_min, temp_max FROM shipments WHERE id = ?""")) {
            ps.setLong(1, shipmentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<double[]> known = new ArrayList<>();
                known.add(point(read(rs.getString(2), Argument.mapOf(String.class, Object.class))));
                known.add(point(read(rs.getString(3), Argument.mapOf(String.class, Object.class))));
                for (Map<String, Object> stop : read(rs.getString(4),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)))) {
                    known.add(point(stop));
                }
                String route = rs.getString(5);
                RouteLine line = null;
                if (route != null) {
                    Map<String, Object> geometry = read(route, Argument.mapOf(String.class, Object.class));
                    @SuppressWarnings("unchecked")
                    List<List<Double>> coordinates = ((List<List<Number>>) geometry.get("coordinates")).stream()
                            .map(p -> List.of(p.get(0).doubleValue(), p.get(1).doubleValue())).toList();
                    line = new RouteLine(coordinates);
                }
                return new ShipmentPlan(shipmentId, rs.getString(1), line, known, Sql.getDouble(rs, "temp_min"),
                        Sql.getDouble(rs, "temp_max"));
            }
        } catch (SQLException e) {
            throw new StorageException("could not load shipment " + shipmentId, e);
        }
    }

    Set<AlertType> activeAlerts(long shipmentId) {
        Set<AlertType> active = EnumSet.noneOf(AlertType.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT type FROM alerts WHERE shipment_id = ? AND status <> 'resolved'")) {
            ps.setLong(1, shipmentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    active.add(AlertType.fromWire(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not read alerts of shipment " + shipmentId, e);
        }
        return active;
    }

    private static double[] point(Map<String, Object> place) {
        return new double[]{((Number) place.get("lat")).doubleValue(), ((Number) place.get("lon")).doubleValue()};
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON does not read as " + type, e);
        }
    }
}

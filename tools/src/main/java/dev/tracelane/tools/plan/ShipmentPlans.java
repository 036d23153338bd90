package dev.tracelane.tools.plan;

import dev.tracelane.tracking.geo.RouteLine;
import dev.tracelane.tracking.shipment.ShipmentModel.LineString;
import dev.tracelane.tracking.shipment.ShipmentModel.Place;
import dev.tracelane.tracking.shipment.ShipmentModel.Stop;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
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
import java.util.List;

/** Loads a shipment's {@link ShipmentPlan}. */
@Singleton
public class ShipmentPlans {
    private final DataSource dataSource;
    private final JsonMapper json;

    public ShipmentPlans(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public ShipmentPlan load(long shipmentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT reference, lane, origin::text, destination::text, stops::text, planned_route::text,
                            temp_min, temp_max, planned_departure, promised_until, carrier_id, st.delivered_at
                       FROM shipments s LEFT JOIN shipment_state st ON st.shipment_id = s.id WHERE s.id = ?""")) {
            ps.setLong(1, shipmentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StorageException("shipment " + shipmentId + " does not exist", null);
                }
                List<PlannedStop> stops = read(rs.getString(5), Argument.listOf(Stop.class)).stream()
                        .map(s -> new PlannedStop(s.name(), s.lat(), s.lon(),
                                s.dwellMinutes() == null ? 0 : s.dwellMinutes() * 60)).toList();
                String route = rs.getString(6);
                RouteLine line = route == null ? null : new RouteLine(read(route, LineString.class).coordinates());
                return new ShipmentPlan(shipmentId, rs.getString(1), rs.getString(2), rs.getString(11),
                        place(rs.getString(3)),
                        place(rs.getString(4)), line, stops, Sql.getDouble(rs, "temp_min"),
                        Sql.getDouble(rs, "temp_max"), Sql.instant(rs.getTimestamp(9)),
                        Sql.instant(rs.getTimestamp(10)), Sql.instant(rs.getTimestamp(12)));
            }
        } catch (SQLException e) {
            throw new StorageException("could not load shipment " + shipmentId, e);
        }
    }

    private PlannedStop place(String text) {
        Place place = read(text, Place.class);
        return new PlannedStop(place.name(), place.lat(), place.lon(), 0);
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON does not read as " + type, e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        return read(text, Argument.of(type));
    }
}

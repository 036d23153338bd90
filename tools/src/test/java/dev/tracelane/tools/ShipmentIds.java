package dev.tracelane.tools;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The internal id of a shipment made through the API, for tests that drive the tool services directly. */
public final class ShipmentIds {
    private ShipmentIds() {
    }

    public static long of(DataSource dataSource, String reference) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM shipments WHERE reference = ?")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no shipment " + reference);
                }
                return rs.getLong(1);
            }
        }
    }
}

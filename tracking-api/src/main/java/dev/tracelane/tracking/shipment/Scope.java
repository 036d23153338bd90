package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Roles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The SQL condition that limits every shipment read to the caller's scope. One fixed text with the caller's
 * facts as parameters, so it is never built from request data:
 * a customer sees the references in its claim (of shipments its org ships or carries), a shipper or carrier
 * the shipments its org ships or carries, coordinator, support and admin all of their org's, the platform
 * admin everything. Roles add up.
 */
public record Scope(boolean platform, boolean orgWide, boolean shipper, boolean carrier, String org,
                    String[] claimedReferences) {

    /** Use with shipments aliased {@code s}; {@link #bind} fills its {@value #PARAMETERS} parameters. */
    public static final String CONDITION = """
            (?::boolean
             OR (?::boolean AND (s.shipper_id = ? OR s.carrier_id = ?))
             OR (?::boolean AND s.shipper_id = ?)
             OR (?::boolean AND s.carrier_id = ?)
             OR (s.reference = ANY (?::text[]) AND (s.shipper_id = ? OR s.carrier_id = ?)))""";
    public static final int PARAMETERS = 11;

    public static Scope of(Caller caller) {
        boolean orgWide = Roles.ORG_WIDE.stream().anyMatch(caller::has);
        String[] claimed = caller.has(Roles.CUSTOMER) ? caller.shipments().toArray(String[]::new) : new String[0];
        return new Scope(caller.isPlatformAdmin(), orgWide, caller.has(Roles.SHIPPER), caller.has(Roles.CARRIER),
                caller.org(), claimed);
    }

    /** The same rule as {@link #CONDITION}, for a shipment already in memory (live streams check per message). */
    public boolean covers(String reference, String shipperOrg, String carrierOrg) {
        boolean party = org.equals(shipperOrg) || org.equals(carrierOrg);
        return platform
                || orgWide && party
                || shipper && org.equals(shipperOrg)
                || carrier && org.equals(carrierOrg)
                || party && java.util.Arrays.asList(claimedReferences).contains(reference);
    }

    /** @return the next parameter index */
    public int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
        ps.setBoolean(index++, platform);
        ps.setBoolean(index++, orgWide);
        ps.setString(index++, org);
        ps.setString(index++, org);
        ps.setBoolean(index++, shipper);
        ps.setString(index++, org);
        ps.setBoolean(index++, carrier);
        ps.setString(index++, org);
        ps.setArray(index++, c.createArrayOf("text", claimedReferences));
        ps.setString(index++, org);
        ps.setString(index++, org);
        return index;
    }
}

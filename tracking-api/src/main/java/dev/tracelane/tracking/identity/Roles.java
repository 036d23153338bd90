package dev.tracelane.tracking.identity;

import java.util.Set;

/** The user roles of the contract, and the role a device token authenticates as. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String SHIPPER = "shipper";
    public static final String CARRIER = "carrier";
    public static final String COORDINATOR = "coordinator";
    public static final String SUPPORT = "support";
    public static final String ADMIN = "admin";
    /** Devices only write; no user endpoint admits this role. */
    public static final String TRACKER = "tracker";

    public static final Set<String> USER_ROLES = Set.of(CUSTOMER, SHIPPER, CARRIER, COORDINATOR, SUPPORT, ADMIN);
    /** Roles that see every shipment of their own org's (as shipper or carrier). */
    public static final Set<String> ORG_WIDE = Set.of(COORDINATOR, SUPPORT, ADMIN);

    private Roles() {
    }
}

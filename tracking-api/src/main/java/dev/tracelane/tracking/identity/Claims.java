package dev.tracelane.tracking.identity;

/** Names of the JWT claims Tracelane adds to {@code sub} and {@code roles}. */
public final class Claims {
    public static final String ORG = "org";
    public static final String SHIPMENTS = "shipments";
    public static final String TRACKER = "tracker";

    private Claims() {
    }
}

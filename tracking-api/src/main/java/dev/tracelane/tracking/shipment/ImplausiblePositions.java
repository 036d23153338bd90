package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.geo.GreatCircle;
import dev.tracelane.tracking.ingest.TrackingEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Positions no truck could have driven to (GPS glitches): the rule, and the {@code implausible} flag it keeps on
 * {@code tracking_events}, inside the writer's transaction. {@link CurrentState} decides which reading to judge
 * against what; this says whether it is too far, and reads and writes the flags.
 */
@Singleton
class ImplausiblePositions {
    /** Shorter jumps are left alone: over a short gap they are GPS noise, not a teleport. */
    private static final double MIN_JUMP_METERS = 5_000;
    private final double maxSpeedMetersPerSecond;

    ImplausiblePositions(@Value("${tracelane.max-plausible-speed-kmh:300}") double maxPlausibleSpeedKmh) {
        this.maxSpeedMetersPerSecond = maxPlausibleSpeedKmh / 3.6;
    }

    /** A position as stored. */
    record Fix(Instant ts, double lat, double lon) {
        boolean is(TrackingEvent e) {
            return e.ts().equals(ts) && e.hasPosition() && e.lat() == lat && e.lon() == lon;
        }
    }

    /** Farther from (lat, lon) than a truck drives in the time between {@code at} and the reading, either way. */
    boolean tooFast(double lat, double lon, Instant at, TrackingEvent e) {
        double meters = GreatCircle.meters(lat, lon, e.lat(), e.lon());
        double seconds = Math.max(1, Math.abs(Duration.between(at, e.ts()).toMillis()) / 1000.0);
        return meters > MIN_JUMP_METERS && meters / seconds > maxSpeedMetersPerSecond;
    }

    /**
     * A reading older than the newest, judged by the plausible position stored just before it (a late upload
     * between two good readings), or, older than all of them, by the first after it.
     */
    boolean lateJump(Connection c, long shipmentId, TrackingEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                (SELECT lat, lon, ts FROM tracking_events
                  WHERE shipment_id = ? AND ts < ? AND lat IS NOT NULL AND NOT implausible ORDER BY ts DESC LIMIT 1)
                UNION ALL
                (SELECT lat, lon, ts FROM tracking_events
                  WHERE shipment_id = ? AND ts > ? AND lat IS NOT NULL AND NOT implausible ORDER BY ts LIMIT 1)""")) {
            ps.setLong(1, shipmentId);
            ps.setTimestamp(2, Timestamp.from(e.ts()));
            ps.setLong(3, shipmentId);
            ps.setTimestamp(4, Timestamp.from(e.ts()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && tooFast(rs.getDouble(1), rs.getDouble(2), rs.getTimestamp(3).toInstant(), e);
            }
        }
    }

    /** Flags the reading at once, so the rest of its batch is judged against the table as it now stands. */
    void flag(Connection c, TrackingEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tracking_events SET implausible = true WHERE tracker_id = ? AND ts = ? AND client_id = ?")) {
            ps.setString(1, e.trackerId());
            ps.setTimestamp(2, Timestamp.from(e.ts()));
            ps.setString(3, e.clientId());
            ps.executeUpdate();
        }
    }

    /**
     * The position refused as a jump was a real move: unflags it. If the position it jumped from rests on one
     * reading alone (a device's first fix, often far off), that one was the glitch: flags it.
     *
     * @return the reading flagged instead, if any
     */
    Optional<Fix> confirm(Connection c, long shipmentId, Fix jump) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE tracking_events SET implausible = false
                 WHERE shipment_id = ? AND ts = ? AND lat = ? AND lon = ?""")) {
            ps.setLong(1, shipmentId);
            ps.setTimestamp(2, Timestamp.from(jump.ts()));
            ps.setDouble(3, jump.lat());
            ps.setDouble(4, jump.lon());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE tracking_events SET implausible = true
                 WHERE shipment_id = ? AND ts < ? AND lat IS NOT NULL AND NOT implausible
                   AND (SELECT count(*) FROM tracking_events p
                         WHERE p.shipment_id = ? AND p.ts < ? AND p.lat IS NOT NULL AND NOT p.implausible) = 1
                RETURNING ts, lat, lon""")) {
            ps.setLong(1, shipmentId);
            ps.setTimestamp(2, Timestamp.from(jump.ts()));
            ps.setLong(3, shipmentId);
            ps.setTimestamp(4, Timestamp.from(jump.ts()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Fix(rs.getTimestamp(1).toInstant(), rs.getDouble(2),
                        rs.getDouble(3))) : Optional.empty();
            }
        }
    }
}

package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.events.CommittedBatch;
import dev.tracelane.tracking.events.ShipmentReported;
import dev.tracelane.tracking.events.ShipmentStatusChanged;
import dev.tracelane.tracking.events.StoredEvent;
import dev.tracelane.tracking.geo.GreatCircle;
import dev.tracelane.tracking.geo.RouteLine;
import dev.tracelane.tracking.ingest.TrackingEvent;
import dev.tracelane.tracking.shipment.ShipmentModel.LineString;
import dev.tracelane.tracking.storage.Sql;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds newly stored events into the one-row-per-shipment current state, inside the writer's transaction.
 * The latest event by device time wins, so a late or replayed event never moves the position backwards;
 * status moves forward on geofences around origin and destination, on event time. A load departs when its truck
 * leaves the origin after being seen there, or, for a tracker's first load, when its very first position is
 * already on the way (a device switched on after pick-up). A truck elsewhere (finishing the tracker's previous
 * load, or driving to the pick-up) leaves the load planned. Readings that arrive late can move the departure
 * earlier, never later. A position no truck could have driven to since the last one (a GPS glitch) is kept but
 * flagged {@code implausible} and read past, unless a later reading agrees with it (the tracker really moved).
 */
@Singleton
public class CurrentState {
    private static final double ON_THE_WAY_DETOUR = 1.25;
    private static final double ROUTE_CORRIDOR_METERS = 5_000;
    private final double geofenceMeters;
    private final ImplausiblePositions glitches;
    private final JsonMapper json;

    CurrentState(@Value("${tracelane.geofence-meters:1500}") double geofenceMeters, ImplausiblePositions glitches,
                 JsonMapper json) {
        this.geofenceMeters = geofenceMeters;
        this.glitches = glitches;
        this.json = json;
    }

    /**
     * @return what changed, to hand to commit participants and publish once the transaction commits; its stored
     *         events leave out the implausible positions, so listeners never read them
     */
    public CommittedBatch apply(Connection c, List<StoredEvent> stored) throws SQLException {
        Map<Long, List<TrackingEvent>> byShipment = new TreeMap<>(); // ordered ids: writers lock rows alike
        for (StoredEvent s : stored) {
            if (s.shipmentId() != null) {
                byShipment.computeIfAbsent(s.shipmentId(), k -> new ArrayList<>()).add(s.event());
            }
        }
        if (byShipment.isEmpty()) {
            return new CommittedBatch(stored, List.of(), List.of());
        }
        Map<Long, Row> rows = lock(c, byShipment.keySet().toArray(Long[]::new));
        List<ShipmentStatusChanged> changes = new ArrayList<>();
        List<ShipmentReported> reported = new ArrayList<>();
        List<Row> updated = new ArrayList<>(byShipment.size());
        Set<TrackingEvent> implausible = new HashSet<>();
        for (Map.Entry<Long, List<TrackingEvent>> entry : byShipment.entrySet()) {
            Row row = rows.get(entry.getKey());
            if (row == null) {
                continue;
            }
            List<TrackingEvent> events = entry.getValue();
            events.sort(Comparator.comparing(TrackingEvent::ts));
            ShipmentStatus before = row.status;
            Instant lastBefore = row.lastTs;
            TrackingEvent latest = null;
            for (TrackingEvent e : events) {
                boolean newest = isNewest(row, e);
                if (e.hasPosition() && (newest ? jumped(row, e) : glitches.lateJump(c, row.id, e))) {
                    implausible.add(e);
                    glitches.flag(c, e);
                    if (newest) {
                        row.jumpLat = e.lat();
                        row.jumpLon = e.lon();
                        row.jumpTs = e.ts();
                    }
                } else {
                    if (newest && e.hasPosition() && row.jumpTs != null && row.positionTs != null
                            && glitches.tooFast(row.lat, row.lon, row.positionTs, e)) {
                        confirmed(c, row, events, implausible); // it agrees with the reading refused before it
                    }
                    if (fold(row, e)) {
                        latest = e;
                    }
                }
            }
            if (latest != null && !latest.ts().equals(lastBefore)) {
                reported.add(new ShipmentReported(row.id, row.reference, latest.ts(), latest.lat(), latest.lon(),
                        latest.speed(), latest.heading(), latest.temperature()));
            }
            updated.add(row);
            if (row.status != before) {
                changes.add(new ShipmentStatusChanged(row.id, row.reference, row.status,
                        row.status == ShipmentStatus.DELIVERED ? row.deliveredAt : row.departedAt));
            }
        }
        store(c, updated);
        if (implausible.isEmpty()) {
            return new CommittedBatch(stored, reported, changes);
        }
        return new CommittedBatch(stored.stream().filter(s -> !implausible.contains(s.event())).toList(), reported,
                changes);
    }

    private static boolean isNewest(Row row, TrackingEvent e) {
        return row.lastTs == null || e.ts().isAfter(row.lastTs);
    }

    /** Too far from the last position for the time since, and from the last position refused, if any. */
    private boolean jumped(Row row, TrackingEvent e) {
        return row.positionTs != null && glitches.tooFast(row.lat, row.lon, row.positionTs, e)
                && (row.jumpTs == null || !e.ts().isAfter(row.jumpTs)
                || glitches.tooFast(row.jumpLat, row.jumpLon, row.jumpTs, e));
    }

    /**
     * The reading refused as a jump was a real move. If the position it jumped from was the glitch instead, the
     * shipment starts again from no position, so the reading that confirmed the move counts as its first.
     *
     * @param batch       this batch's readings of the shipment
     * @param implausible this batch's readings flagged so far, kept in step with the table
     */
    private void confirmed(Connection c, Row row, List<TrackingEvent> batch, Set<TrackingEvent> implausible)
            throws SQLException {
        ImplausiblePositions.Fix jump = new ImplausiblePositions.Fix(row.jumpTs, row.jumpLat, row.jumpLon);
        implausible.removeIf(jump::is);
        Optional<ImplausiblePositions.Fix> dropped = glitches.confirm(c, row.id, jump);
        if (dropped.isPresent()) {
            batch.stream().filter(dropped.get()::is).forEach(implausible::add);
            row.lat = null;
            row.lon = null;
            row.positionTs = null;
        }
    }

    /** @return true when the event is the newest reading so far */
    private boolean fold(Row row, TrackingEvent e) {
        boolean firstPosition = row.lat == null;
        boolean newest = isNewest(row, e);
        if (newest) {
            row.lastTs = e.ts();
            if (e.hasPosition()) {
                row.lat = e.lat();
                row.lon = e.lon();
                row.speed = e.speed();
                row.heading = e.heading();
                row.positionTs = e.ts();
                row.jumpTs = null; // a refused position that nothing confirmed stays refused
                row.jumpLat = null;
                row.jumpLon = null;
            }
            if (e.temperature() != null) {
                row.temperature = e.temperature();
            }
        }
        if (!e.hasPosition()) {
            return newest;
        }
        boolean beforeDeparture = row.status == ShipmentStatus.PLANNED
                || row.departedAt != null && e.ts().isBefore(row.departedAt);
        if (beforeDeparture) {
            double fromOrigin = GreatCircle.meters(e.lat(), e.lon(), row.originLat, row.originLon);
            if (fromOrigin <= geofenceMeters) {
                if (row.reachedOriginAt == null || e.ts().isBefore(row.reachedOriginAt)) {
                    row.reachedOriginAt = e.ts();
                }
            } else if (row.reachedOriginAt != null && e.ts().isAfter(row.reachedOriginAt)
                    || firstPosition && !row.followsAnother && onTheWay(row, e)) {
                if (row.status == ShipmentStatus.PLANNED) {
                    row.status = ShipmentStatus.IN_TRANSIT;
                }
                row.departedAt = e.ts();
            }
        } else if (row.status == ShipmentStatus.IN_TRANSIT && e.ts().isAfter(row.departedAt)
                && GreatCircle.meters(e.lat(), e.lon(), row.destLat, row.destLon) <= geofenceMeters) {
            row.status = ShipmentStatus.DELIVERED;
            row.deliveredAt = e.ts();
        }
        return newest;
    }

    /**
     * On the road between origin and destination and nearer the destination than the origin is: within
     * {@link #ROUTE_CORRIDOR_METERS} of the planned route, or without one, where the way through the position is
     * at most a quarter longer than the straight line (roads wind, detours to a pick-up do not).
     */
    private boolean onTheWay(Row row, TrackingEvent e) {
        double span = GreatCircle.meters(row.originLat, row.originLon, row.destLat, row.destLon);
        double toDestination = GreatCircle.meters(e.lat(), e.lon(), row.destLat, row.destLon);
        if (toDestination >= span - geofenceMeters) {
            return false;
        }
        if (row.plannedRoute != null) {
            return row.plannedRoute.project(e.lat(), e.lon()).crossTrackMeters() <= ROUTE_CORRIDOR_METERS;
        }
        double fromOrigin = GreatCircle.meters(e.lat(), e.lon(), row.originLat, row.originLon);
        return fromOrigin + toDestination <= ON_THE_WAY_DETOUR * span;
    }

    private Map<Long, Row> lock(Connection c, Long[] ids) throws SQLException {
        Map<Long, Row> rows = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT st.shipment_id, s.reference, st.status, st.departed_at, st.delivered_at, st.last_ts,
                       st.lat, st.lon, st.speed, st.heading, st.temperature,
                       (s.origin->>'lat')::float8, (s.origin->>'lon')::float8,
                       (s.destination->>'lat')::float8, (s.destination->>'lon')::float8, st.reached_origin_at,
                       CASE WHEN st.status = 'planned' AND st.lat IS NULL
                            THEN EXISTS (SELECT 1 FROM shipments p WHERE p.tracker_id = s.tracker_id AND p.id < s.id)
                            ELSE false END,
                       CASE WHEN st.status = 'planned' AND st.lat IS NULL THEN s.planned_route::text END,
                       st.position_ts, st.jump_lat, st.jump_lon, st.jump_ts
                  FROM shipment_state st JOIN shipments s ON s.id = st.shipment_id
                 WHERE st.shipment_id = ANY (?)
                 ORDER BY st.shipment_id
                   FOR UPDATE OF st""")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row();
                    row.id = rs.getLong(1);
                    row.reference = rs.getString(2);
                    row.status = ShipmentStatus.fromWire(rs.getString(3));
                    row.departedAt = Sql.instant(rs.getTimestamp(4));
                    row.deliveredAt = Sql.instant(rs.getTimestamp(5));
                    row.lastTs = Sql.instant(rs.getTimestamp(6));
                    row.lat = (Double) rs.getObject(7);
                    row.lon = (Double) rs.getObject(8);
                    row.speed = (Double) rs.getObject(9);
                    row.heading = (Double) rs.getObject(10);
                    row.temperature = (Double) rs.getObject(11);
                    row.originLat = rs.getDouble(12);
                    row.originLon = rs.getDouble(13);
                    row.destLat = rs.getDouble(14);
                    row.destLon = rs.getDouble(15);
                    row.reachedOriginAt = Sql.instant(rs.getTimestamp(16));
                    row.followsAnother = rs.getBoolean(17);
                    String route = rs.getString(18);
                    row.plannedRoute = route == null ? null : route(route);
                    row.positionTs = Sql.instant(rs.getTimestamp(19));
                    row.jumpLat = (Double) rs.getObject(20);
                    row.jumpLon = (Double) rs.getObject(21);
                    row.jumpTs = Sql.instant(rs.getTimestamp(22));
                    rows.put(row.id, row);
                }
            }
        }
        return rows;
    }

    private RouteLine route(String geoJson) {
        try {
            return new RouteLine(json.readValue(geoJson, LineString.class).coordinates());
        } catch (IOException e) {
            throw new UncheckedIOException("a stored planned route does not read as GeoJSON", e);
        }
    }

    /** One statement for the whole batch: per-row UPDATEs cost PostgreSQL an executor start each. */
    private static void store(Connection c, List<Row> updated) throws SQLException {
        if (updated.isEmpty()) {
            return;
        }
        int n = updated.size();
        String[] status = new String[n];
        String[] departed = new String[n];
        String[] delivered = new String[n];
        String[] reachedOrigin = new String[n];
        String[] last = new String[n];
        String[] position = new String[n];
        String[] jump = new String[n];
        Double[][] numbers = new Double[7][n];
        Long[] ids = new Long[n];
        for (int i = 0; i < n; i++) {
            Row row = updated.get(i);
            status[i] = row.status.wire();
            departed[i] = text(row.departedAt);
            delivered[i] = text(row.deliveredAt);
            reachedOrigin[i] = text(row.reachedOriginAt);
            last[i] = text(row.lastTs);
            position[i] = text(row.positionTs);
            jump[i] = text(row.jumpTs);
            numbers[0][i] = row.lat;
            numbers[1][i] = row.lon;
            numbers[2][i] = row.speed;
            numbers[3][i] = row.heading;
            numbers[4][i] = row.temperature;
            numbers[5][i] = row.jumpLat;
            numbers[6][i] = row.jumpLon;
            ids[i] = row.id;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE shipment_state st
                   SET status = u.status, departed_at = u.departed_at, delivered_at = u.delivered_at,
                       last_ts = u.last_ts, lat = u.lat, lon = u.lon, speed = u.speed, heading = u.heading,
                       temperature = u.temperature, reached_origin_at = u.reached_origin_at,
                       position_ts = u.position_ts, jump_lat = u.jump_lat, jump_lon = u.jump_lon,
                       jump_ts = u.jump_ts, updated_at = now()
                  FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::float8[],
                              ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
                              ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::bigint[])
                       AS u(status, departed_at, delivered_at, last_ts, lat, lon, speed, heading, temperature,
                            jump_lat, jump_lon, reached_origin_at, position_ts, jump_ts, id)
                 WHERE st.shipment_id = u.id""")) {
            ps.setArray(1, c.createArrayOf("text", status));
            ps.setArray(2, c.createArrayOf("text", departed));
            ps.setArray(3, c.createArrayOf("text", delivered));
            ps.setArray(4, c.createArrayOf("text", last));
            for (int k = 0; k < numbers.length; k++) {
                ps.setArray(5 + k, c.createArrayOf("float8", numbers[k]));
            }
            ps.setArray(12, c.createArrayOf("text", reachedOrigin));
            ps.setArray(13, c.createArrayOf("text", position));
            ps.setArray(14, c.createArrayOf("text", jump));
            ps.setArray(15, c.createArrayOf("bigint", ids));
            ps.executeUpdate();
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The state row being folded; mutable because it only lives inside one transaction. */
    private static final class Row {
        long id;
        String reference;
        ShipmentStatus status;
        Instant departedAt;
        Instant deliveredAt;
        Instant lastTs;
        Instant reachedOriginAt;
        /** When the position was last moved; a jump is judged by the time since. */
        Instant positionTs;
        /** The last position refused as a jump, which a next reading may confirm; else null. */
        Double jumpLat;
        Double jumpLon;
        Instant jumpTs;
        /** Planned, with no position yet, and the tracker had loads before: it must be seen at the origin. */
        boolean followsAnother;
        /** The planned route, read only while the first position is awaited; else null. */
        RouteLine plannedRoute;
        Double lat;
        Double lon;
        Double speed;
        Double heading;
        Double temperature;
        double originLat;
        double originLon;
        double destLat;
        double destLon;
    }
}

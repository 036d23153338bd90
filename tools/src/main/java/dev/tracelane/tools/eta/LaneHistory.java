package dev.tracelane.tools.eta;

import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code lane_trips} table and the profiles and calibrations drawn from it. Profiles are cached and
 * re-read after a trip is learned here or after {@link #FRESH}, so trips learned by another instance count too.
 */
@Singleton
class LaneHistory {
    /** The newest trips of a lane a profile rests on: the lane as it drives now, not years ago. */
    static final int LANE_TRIPS = 50;
    private static final int ALL_LANES_TRIPS = 500;
    /**
     * Trips at its present stage a lane needs before its window reads only those: three give a progress bucket
     * the eight levels it needs (each gives its bucket's and its neighbours'). Before, the lane's earlier trips
     * still say how far its world strays from the pool's: on held-out lanes the pool alone covered 54-71 %.
     */
    private static final int STAGE_TRIPS = 3;
    private static final Duration FRESH = Duration.ofMinutes(5);
    private static final String COLUMNS = """
            shipment_id, lane, departed_at, delivered_at, length_meters, circuity, time_to_go, hour_meters,
            hour_seconds, segment_meters, segment_seconds, pause_seconds, forecast_levels, lane_stage,
            cruising_speed""";
    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, Cached<Lane>> lanes = new HashMap<>();
    private final Map<LaneStage, Cached<Calibration>> pooled = new EnumMap<>(LaneStage.class);

    LaneHistory(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    private record Cached<T>(T value, Instant loadedAt) {
    }

    /**
     * @param calibration the levels of the lane's trips set off at the stage it is at now, or of all its trips
     *                    while it has fewer than {@link #STAGE_TRIPS} of those
     */
    private record Lane(LaneProfile profile, Calibration calibration) {
        static Lane of(List<LaneTrip> trips) {
            LaneProfile profile = new LaneProfile(trips);
            LaneStage stage = profile.stage();
            List<LaneTrip> atStage = trips.stream().filter(t -> t.laneStage() == stage).toList();
            return new Lane(profile, Calibration.of("lane", atStage.size() >= STAGE_TRIPS ? atStage : trips));
        }
    }

    synchronized void learn(LaneTrip trip) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO lane_trips (" + COLUMNS + ")"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_id) DO NOTHING")) {
            ps.setLong(1, trip.shipmentId());
            ps.setString(2, trip.lane());
            ps.setTimestamp(3, Timestamp.from(trip.departedAt()));
            ps.setTimestamp(4, Timestamp.from(trip.deliveredAt()));
            ps.setDouble(5, trip.lengthMeters());
            ps.setDouble(6, trip.circuity());
            ps.setArray(7, array(c, trip.timeToGo()));
            ps.setArray(8, array(c, trip.hourMeters()));
            ps.setArray(9, array(c, trip.hourSeconds()));
            ps.setArray(10, array(c, trip.segmentMeters()));
            ps.setArray(11, array(c, trip.segmentSeconds()));
            ps.setDouble(12, trip.pauseSeconds());
            ps.setArray(13, array(c, trip.forecastLevels()));
            ps.setString(14, trip.laneStage().stored());
            ps.setObject(15, Double.isFinite(trip.cruisingSpeed()) ? trip.cruisingSpeed() : null, Types.DOUBLE);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not store lane trip " + trip.shipmentId(), e);
        }
        lanes.remove(trip.lane());
        pooled.clear();
    }

    synchronized LaneProfile profile(String lane) {
        return lane(lane).profile();
    }

    /**
     * The levels of the lane's trips set off at the stage it is at now (of all its trips until
     * {@link #STAGE_TRIPS} are), leaning on those of all lanes' trips at that stage: a lane with no history yet is
     * calibrated by other lanes' first trips, whose forecasts were as blind.
     */
    synchronized Calibration calibration(String lane) {
        Lane own = lane(lane);
        LaneStage stage = own.profile().stage();
        Cached<Calibration> pool = pooled.get(stage);
        if (pool == null || stale(pool.loadedAt())) {
            pool = new Cached<>(Calibration.of(stage.label(), load("SELECT " + COLUMNS
                    + " FROM lane_trips WHERE lane_stage = ? ORDER BY delivered_at DESC LIMIT ?", stage.stored(),
                    ALL_LANES_TRIPS)), clock.instant());
            pooled.put(stage, pool);
        }
        return own.calibration().leaningOn(pool.value());
    }

    private Lane lane(String lane) {
        Cached<Lane> cached = lanes.get(lane);
        if (cached == null || stale(cached.loadedAt())) {
            List<LaneTrip> trips = load("SELECT " + COLUMNS
                    + " FROM lane_trips WHERE lane = ? ORDER BY delivered_at DESC LIMIT ?", lane, LANE_TRIPS);
            cached = new Cached<>(Lane.of(trips), clock.instant());
            lanes.put(lane, cached);
        }
        return cached.value();
    }

    private boolean stale(Instant loadedAt) {
        return Duration.between(loadedAt, clock.instant()).compareTo(FRESH) > 0;
    }

    /** @param key the lane, or the pooled trips' stage */
    private List<LaneTrip> load(String sql, Object key, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            ps.setInt(2, limit);
            List<LaneTrip> trips = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    trips.add(new LaneTrip(rs.getLong(1), rs.getString(2), Sql.instant(rs.getTimestamp(3)),
                            Sql.instant(rs.getTimestamp(4)), rs.getDouble(5), rs.getDouble(6), doubles(rs, 7),
                            doubles(rs, 8), doubles(rs, 9), doubles(rs, 10), doubles(rs, 11), rs.getDouble(12),
                            doubles(rs, 13), LaneStage.fromStored(rs.getString(14)),
                            orNaN(rs.getObject(15, Double.class))));
                }
            }
            return trips;
        } catch (SQLException e) {
            throw new StorageException("could not read lane history", e);
        }
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static Array array(Connection c, double[] values) throws SQLException {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = Double.isFinite(values[i]) ? values[i] : null;
        }
        return c.createArrayOf("float8", boxed);
    }

    private static double[] doubles(ResultSet rs, int column) throws SQLException {
        Object[] values = (Object[]) rs.getArray(column).getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
        }
        return result;
    }
}

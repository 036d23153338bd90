package dev.tracelane.tools.eta;

import dev.tracelane.tools.ShipmentIds;
import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Which past trips calibrate a forecast, read back from {@code lane_trips}. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaneHistoryTest implements TestDatabase {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private final List<Long> learned = new ArrayList<>();

    @Inject
    LaneHistory history;

    @Inject
    DataSource dataSource;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aLaneWithoutHistoryIsCalibratedByOtherLanesFirstTripsAndAKnownOneLeansOnTheRest() throws SQLException {
        for (int i = 0; i < 10; i++) {
            history.learn(trip("first trips " + i, 0.05, LaneStage.NEW));
            history.learn(trip("known lane", 0.95, LaneStage.KNOWN));
        }
        Calibration blind = history.calibration("a lane never driven " + System.nanoTime());
        assertThat(blind.source(5)).isEqualTo("new lanes");
        assertThat(blind.level(5, 0.5)).isLessThan(0.5);
        String lane = "two trip lane " + System.nanoTime();
        history.learn(trip(lane, 0.5, LaneStage.NEW));
        history.learn(trip(lane, 0.5, LaneStage.KNOWN));
        Calibration known = history.calibration(lane);
        assertThat(known.source(5)).isEqualTo("lane and known lanes");
        assertThat(known.level(5, 0.5)).isGreaterThan(0.5);
    }

    @Test
    void aLaneReachingCruisingReadsItsEarlierTripsBesideThePoolUntilThreeOfItsOwnCruise() throws SQLException {
        String lane = "lane reaching cruising " + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            history.learn(trip(lane, 0.95, LaneStage.KNOWN, 25));
            history.learn(trip("paced lane " + i, 0.05, LaneStage.CRUISING, 25));
        }
        Calibration beforeItsOwn = history.calibration(lane);
        assertThat(beforeItsOwn.source(5)).isEqualTo("lane and lanes paced by cruising");
        assertThat(beforeItsOwn.level(5, 0.5)).isBetween(0.05, 0.95);
        for (int i = 0; i < 3; i++) {
            history.learn(trip(lane, 0.05, LaneStage.CRUISING, 25));
        }
        Calibration itsOwn = history.calibration(lane);
        assertThat(itsOwn.source(5)).isEqualTo("lane and lanes paced by cruising");
        assertThat(itsOwn.level(5, 0.5)).isLessThan(0.1);
    }

    @Test
    void aLanesCruisingSpeedIsReadBackAndATripLearnedBeforeItWasKeptHasNone() throws SQLException {
        String lane = "cruising lane " + System.nanoTime();
        for (int i = 0; i < 4; i++) {
            history.learn(trip(lane, 0.5, LaneStage.CRUISING, 25));
        }
        LaneTrip older = trip(lane, 0.5, LaneStage.CRUISING, 25);
        history.learn(older);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE lane_trips SET cruising_speed = NULL WHERE shipment_id = ?")) {
            ps.setLong(1, older.shipmentId());
            ps.executeUpdate();
        }
        assertThat(history.profile(lane).cruisingPace(27.5)).isNaN(); // four trips with one: too few
        history.learn(trip(lane, 0.5, LaneStage.CRUISING, 25));
        assertThat(history.profile(lane).cruisingPace(27.5)).isCloseTo(1.1, within(1e-9));
    }

    /** The made-up trips would otherwise calibrate every later test's forecasts in this database. */
    @AfterEach
    void forgetTheTrips() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM lane_trips WHERE shipment_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", learned.toArray()));
            ps.executeUpdate();
        }
    }

    /** A delivered trip of a new shipment whose forecasts' levels were all {@code level}. */
    private LaneTrip trip(String lane, double level, LaneStage stage) throws SQLException {
        return trip(lane, level, stage, Double.NaN);
    }

    /** The same, cruising at {@code cruising} m/s (NaN: never). */
    private LaneTrip trip(String lane, double level, LaneStage stage, double cruising) throws SQLException {
        double[] levels = new double[LaneTrip.STEPS];
        Arrays.fill(levels, level);
        long id = ShipmentIds.of(dataSource, new Api(client.toBlocking()).trackedShipment().reference());
        learned.add(id);
        return new LaneTrip(id, lane, T0, T0.plusSeconds(36_000), 500_000, 1.2,
                new double[LaneTrip.STEPS + 1], new double[TripTrace.HOURS_OF_WEEK], new double[TripTrace.HOURS_OF_WEEK],
                new double[LaneTrip.STEPS], new double[LaneTrip.STEPS], 0, levels, stage,
                cruising);
    }
}

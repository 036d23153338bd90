package dev.tracelane.bench.replay;

import dev.tracelane.bench.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummariesTest {
    private static final double NAN = Double.NaN;

    /** Actual arrival at 10,000; every method's prediction is given as minutes off it. */
    private static CheckpointResult result(int percent, double predictor, double a, double b, double c,
                                           double p10, double p90) {
        long actual = 10_000;
        return new CheckpointResult("t" + percent, percent, 0, actual, actual + predictor * 60, actual + p10 * 60,
                actual + p90 * 60, actual + a * 60, actual + b * 60, actual + c * 60, "lane");
    }

    @Test
    void etaSummaryAveragesErrorsAndComparesWithTheBestBaseline() {
        List<CheckpointResult> results = List.of(
                result(25, 10, 30, -20, 40, -5, 15),
                result(25, -20, -30, 20, 40, -30, -25),
                result(50, 5, 10, 20, -20, -10, 10),
                result(75, NAN, 100, 100, 100, NAN, NAN));
        EtaSummary summary = EtaSummary.of(3, results, 1, 0);
        assertEquals(3, summary.answered(), "the checkpoint without a prediction is left out");
        assertEquals(List.of(2, 1, 0, 3), summary.compared());
        assertEquals(List.of(15.0, 5.0, NAN, 35 / 3.0), summary.mae().get(EtaMethod.PREDICTOR));
        assertEquals(70 / 3.0, summary.mae().get(EtaMethod.DISTANCE_OVER_SPEED).get(3), 1e-9);
        assertEquals(EtaMethod.LANE_MEDIAN, summary.bestBaseline(), "20 overall against 23.3 and 33.3");
        assertEquals((20 - 35 / 3.0) / 20 * 100, summary.improvementPercent().get(3), 1e-9);
        assertEquals((20 - 15) / 20.0 * 100, summary.improvementPercent().get(0), 1e-9, "best at 25 % is b");
        assertEquals(2 / 3.0, summary.coverage(), 1e-9, "the second interval misses");
        assertFalse(summary.meetsBar());
    }

    @Test
    void withoutAnyPredictionTheBaselinesAreStillCompared() {
        EtaSummary summary = EtaSummary.of(1, List.of(result(25, NAN, 10, 20, 30, NAN, NAN)), 0, 1);
        assertEquals(List.of(1, 0, 0, 1), summary.compared());
        assertEquals(10, summary.mae().get(EtaMethod.DISTANCE_OVER_SPEED).get(0));
        assertTrue(Double.isNaN(summary.mae().get(EtaMethod.PREDICTOR).get(0)));
        assertTrue(Double.isNaN(summary.coverage()));
    }

    @Test
    void lateSummaryCountsFlaggedTripsAndLeadTimes() {
        LateSummary summary = LateSummary.of(List.of(
                new LateSummary.Outcome("a", "lane", 0, 10_000, 9_000, 10_000 - 60 * 60L),
                new LateSummary.Outcome("b", "lane", 0, 10_000, 9_000, 10_000 - 120 * 60L),
                new LateSummary.Outcome("c", "lane", 0, 10_000, 9_000, null),
                new LateSummary.Outcome("d", "lane", 0, 8_000, 9_000, 7_000L),
                new LateSummary.Outcome("e", "lane", 0, 8_000, 9_000, null)));
        assertEquals(3, summary.late());
        assertEquals(3, summary.flagged());
        assertEquals(2 / 3.0, summary.precision(), 1e-9);
        assertEquals(2 / 3.0, summary.recall(), 1e-9);
        assertEquals(90, summary.leadMedianMinutes(), 1e-9);
        assertEquals(66, summary.leadP10Minutes(), 1e-9);
    }

    private static AlertView alert(String type, long detected, Long resolved) {
        return new AlertView(detected, "ref", type, Instant.ofEpochSecond(detected),
                resolved == null ? null : Instant.ofEpochSecond(resolved), true);
    }

    @Test
    void detectorSummaryScoresRecallDelayAndFalseAlarms() {
        long t = Fixtures.T0;
        TripData detour = Fixtures.straight("d1", "L", t, 200, 10, null);
        TripData missed = Fixtures.straight("d2", "L", t, 200, 10, null);
        TripData cleanWithRest = new TripData(Fixtures.trip("c1", "L"),
                Fixtures.straight("c1", "L", t, 200, 10, null).pings(),
                List.of(new TripEvent("c1", TripEvent.REST, t + 3600, t + 3600 + 36_000),
                        new TripEvent("c1", TripEvent.GAP, t + 600, t + 900)));
        TripData cleanAlarmed = Fixtures.straight("c2", "L", t, 200, 10, null);
        List<Injection> injections = List.of(new Injection("d1", Anomaly.DETOUR, 600, t + 1000, t + 1600),
                new Injection("d2", Anomaly.DETOUR, 600, t + 1000, t + 1600));
        Map<String, List<AlertView>> alerts = Map.of(
                "d1", List.of(alert("route_deviation", t + 1180, t + 1700)),
                "d2", List.of(alert("route_deviation", t + 1600 + 16 * 60, null)),
                "c1", List.of(alert("unplanned_stop", t + 3600 + 1200, null), alert("tracker_silent", t + 700, null)),
                "c2", List.of(alert("unplanned_stop", t + 9000, null), alert("tracker_silent", t + 5000, null)));
        DetectorSummary summary = DetectorSummary.of(injections, Set.of("c1", "c2"),
                List.of(detour, missed, cleanWithRest, cleanAlarmed), alerts);
        DetectorSummary.VariantRow row = summary.variants().stream().filter(r -> r.variant().equals("detour 600 m"))
                .findFirst().orElseThrow();
        assertEquals(2, row.trips());
        assertEquals(1, row.detected(), "the second came after the grace period");
        assertEquals(0.5, row.recall());
        assertEquals(3, row.delayMedianMinutes(), 1e-9);
        assertEquals(1, row.cleared());
        Map<String, Double> rates = Map.of(
                "route_deviation", 0.0, "unplanned_stop", 0.5, "tracker_silent", 0.5);
        summary.falseAlarms().stream().filter(f -> rates.containsKey(f.alertType()))
                .forEach(f -> assertEquals(rates.get(f.alertType()), f.rate(), f.alertType()));
        assertEquals(1, summary.naturalStops());
        assertEquals(1, summary.naturalStopsDetected());
        assertEquals(1, summary.naturalGapsDetected());
        assertEquals(1, summary.unexplainedSilences(), "c2's silence; c1's fell in a gap");
        assertEquals(100 / summary.trackerHours(), summary.silencePer100Hours(), 1e-9);
        assertTrue(Double.isNaN(summary.falseAlarms().get(3).rate()), "no clean reefer to judge");
    }

    @Test
    void alertsAndEtasAreReadFromTheServiceJson() {
        AlertView a = AlertView.of(JsonMaps.object(Json.parse("""
                {"id":7,"ref":"r-1","type":"unplanned_stop","openedAt":"2026-11-20T10:42:56Z",
                 "detectedAt":"2026-11-20T11:02:56+00:00","resolvedAt":null}""")));
        assertEquals(new AlertView(7, "r-1", "unplanned_stop", Instant.parse("2026-11-20T11:02:56Z"), null, true), a);
        AlertView old = AlertView.of(JsonMaps.object(Json.parse(
                "{\"id\":8,\"ref\":\"r-1\",\"type\":\"x\",\"openedAt\":\"2026-11-20T10:42:56Z\"}")));
        assertFalse(old.detectedAtGiven());
        assertEquals(Instant.parse("2026-11-20T10:42:56Z"), old.detectedAt());
        EtaReading eta = EtaReading.of(JsonMaps.object(Json.parse("""
                {"eta":"2026-11-20T12:08:56Z","p10":null,"remainingMeters":1234.5,"asOf":"2026-11-20T10:00:00Z",
                 "basis":{"status":"in_transit"}}""")));
        assertEquals(1234.5, eta.remainingMeters());
        assertNull(eta.p10());
        assertTrue(eta.covers(Instant.parse("2026-11-20T10:00:00Z").getEpochSecond()));
        assertFalse(eta.covers(Instant.parse("2026-11-20T10:00:01Z").getEpochSecond()));
    }
}

package dev.tracelane.tools.anomaly;

import dev.tracelane.tools.alert.AlertDraft;
import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.alert.Severity;
import dev.tracelane.tools.eta.Estimate;
import dev.tracelane.tools.eta.EtaBasis;
import dev.tracelane.tools.eta.EtaSettings;
import dev.tracelane.tools.geo.PlaceIndex;
import dev.tracelane.tools.plan.PlannedStop;
import dev.tracelane.tracking.geo.RouteLine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each detector on hand-made readings, in event time; one behaviour per test. */
class DetectorsTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final PlaceIndex PLACES = new PlaceIndex();
    private final MonitorSettings settings = new MonitorSettings();

    @Test
    void temperatureOutOfRangeForTheWholePersistenceRaisesOnceAndClearsWhenClearlyBack() {
        TemperatureExcursion detector = new TemperatureExcursion(1, 2, 8, settings, false);
        List<Verdict> verdicts = new ArrayList<>();
        double[] readings = {5, 8.5, 9, 9.2, 9.1, 9.3, 9.4, 9.2, 9.1, 9.0, 9.2, 9.3, 5, 5, 5, 5, 5, 5, 5};
        for (int minute = 0; minute < readings.length; minute++) {
            detector.observe(T0.plusSeconds(60L * minute), readings[minute]).ifPresent(verdicts::add);
        }
        assertThat(verdicts).hasSize(2);
        Verdict.Raise raise = (Verdict.Raise) verdicts.get(0);
        assertThat(raise.draft().type()).isEqualTo(AlertType.TEMPERATURE_EXCURSION);
        assertThat(raise.draft().since()).isEqualTo(T0.plusSeconds(60));
        assertThat(raise.draft().evidence()).containsEntry("worstReading", 9.4);
        assertThat(verdicts.get(1)).isInstanceOf(Verdict.Clear.class);
    }

    @Test
    void aShortExcursionDoesNotAlert() {
        TemperatureExcursion detector = new TemperatureExcursion(1, 2, 8, settings, false);
        for (int minute = 0; minute < 30; minute++) {
            double reading = minute % 8 == 0 ? 9 : 5;
            assertThat(detector.observe(T0.plusSeconds(60L * minute), reading)).isEmpty();
        }
    }

    @Test
    void hoveringAtTheLimitDoesNotFlap() {
        TemperatureExcursion detector = new TemperatureExcursion(1, 2, 8, settings, false);
        List<Verdict> verdicts = new ArrayList<>();
        for (int minute = 0; minute < 15; minute++) {
            detector.observe(T0.plusSeconds(60L * minute), 8.4).ifPresent(verdicts::add);
        }
        for (int minute = 15; minute < 60; minute++) {
            double reading = minute % 2 == 0 ? 7.9 : 8.1; // in range, but not clearly
            detector.observe(T0.plusSeconds(60L * minute), reading).ifPresent(verdicts::add);
        }
        assertThat(verdicts).as("one alert, its evidence refreshed, never cleared and raised again").isNotEmpty()
                .allMatch(v -> v instanceof Verdict.Raise);
    }

    @Test
    void aLongExcursionEscalatesToCritical() {
        TemperatureExcursion detector = new TemperatureExcursion(1, 2, 8, settings, false);
        List<Verdict.Raise> raises = new ArrayList<>();
        for (int minute = 0; minute <= 35; minute++) {
            detector.observe(T0.plusSeconds(60L * minute), 9).ifPresent(v -> raises.add((Verdict.Raise) v));
        }
        assertThat(raises.stream().map(r -> r.draft().severity()).distinct())
                .containsExactly(Severity.WARNING, Severity.CRITICAL);
    }

    @Test
    void anOpenExcursionsEvidenceIsRefreshedWhileItLasts() {
        TemperatureExcursion detector = new TemperatureExcursion(1, 2, 8, settings, false);
        List<Verdict.Raise> raises = new ArrayList<>();
        for (int minute = 0; minute <= 26; minute++) {
            detector.observe(T0.plusSeconds(60L * minute), 9).ifPresent(v -> raises.add((Verdict.Raise) v));
        }
        assertThat(raises).extracting(r -> r.draft().evidence().get("minutesOutOfRange"))
                .containsExactly(10L, 15L, 20L, 25L);
    }

    /** A straight north-south route along longitude -88, from 41 to 42 degrees. */
    private final RouteLine route = new RouteLine(List.of(List.of(-88.0, 41.0), List.of(-88.0, 42.0)));

    @Test
    void leavingTheCorridorForTwoFixesRaisesAndReturningClears() {
        RouteDeviation detector = new RouteDeviation(1, route, settings, PLACES, false);
        double[] offsetsMeters = {10, 20, 700, 900, 900, 100, 50};
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < offsetsMeters.length; i++) {
            double lon = -88.0 + offsetsMeters[i] / (111_320 * Math.cos(Math.toRadians(41.3)));
            detector.observe(T0.plusSeconds(60L * i), 41.3 + i * 0.005, lon).ifPresent(verdicts::add);
        }
        assertThat(verdicts).hasSize(2);
        assertThat(((Verdict.Raise) verdicts.get(0)).draft().at()).isEqualTo(T0.plusSeconds(180));
        assertThat(((Verdict.Raise) verdicts.get(0)).draft().evidence()).containsKey("where");
        assertThat(verdicts.get(1)).isInstanceOf(Verdict.Clear.class);
    }

    @Test
    void theFarthestOffRouteIsKeptThroughAFixBackInTheHysteresisBand() {
        RouteDeviation detector = new RouteDeviation(1, route, settings, PLACES, false);
        double[] offsetsMeters = {10, 3_000, 3_000, 400, 900, 100, 50}; // 400: inside 500, not yet within 300
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < offsetsMeters.length; i++) {
            double lon = -88.0 + offsetsMeters[i] / (111_320 * Math.cos(Math.toRadians(41.3)));
            detector.observe(T0.plusSeconds(60L * i), 41.3 + i * 0.005, lon).ifPresent(verdicts::add);
        }
        assertThat(verdicts.get(verdicts.size() - 1)).isInstanceOfSatisfying(Verdict.Clear.class,
                clear -> assertThat(((Number) clear.evidence().get("maxMetersOffRoute")).longValue())
                        .isGreaterThan(2_900));
    }

    @Test
    void gpsJitterAtTheCorridorEdgeRaisesNothing() {
        RouteDeviation detector = new RouteDeviation(1, route, settings, PLACES, false);
        for (int i = 0; i < 60; i++) {
            double meters = i % 2 == 0 ? 520 : 480; // one fix out, one in
            double lon = -88.0 + meters / (111_320 * Math.cos(Math.toRadians(41.3)));
            assertThat(detector.observe(T0.plusSeconds(60L * i), 41.3, lon)).isEmpty();
        }
    }

    @Test
    void standingTwentyMinutesAwayFromKnownStopsRaisesAndMovingOnClears() {
        UnplannedStop detector = stopDetector(Duration.ZERO);
        List<Verdict> verdicts = new ArrayList<>();
        for (int minute = 0; minute <= 25; minute++) {
            detector.observe(T0.plusSeconds(60L * minute), 41.5 + (minute % 3) * 0.0002, -88.0)
                    .ifPresent(verdicts::add);
        }
        detector.observe(T0.plusSeconds(60L * 26), 41.6, -88.0).ifPresent(verdicts::add);
        detector.observe(T0.plusSeconds(60L * 27), 41.61, -88.0).ifPresent(verdicts::add);
        assertThat(verdicts).hasSize(2);
        assertThat(((Verdict.Raise) verdicts.get(0)).draft().since()).isEqualTo(T0);
        assertThat(((Verdict.Raise) verdicts.get(0)).draft().severity()).isEqualTo(Severity.WARNING);
        assertThat(verdicts.get(1)).isInstanceOfSatisfying(Verdict.Clear.class,
                clear -> assertThat(clear.evidence()).containsEntry("movedAt", T0.plusSeconds(60L * 26).toString()));
    }

    @Test
    void aClearedStopSaysHowLongItLastedInTheEnd() {
        UnplannedStop detector = stopDetector(Duration.ZERO);
        List<Verdict> verdicts = new ArrayList<>();
        for (int minute = 0; minute <= 36; minute++) {
            detector.observe(T0.plusSeconds(60L * minute), 41.5, -88.0).ifPresent(verdicts::add);
        }
        detector.observe(T0.plusSeconds(60L * 37), 41.6, -88.0).ifPresent(verdicts::add);
        detector.observe(T0.plusSeconds(60L * 38), 41.61, -88.0).ifPresent(verdicts::add);
        assertThat(((Verdict.Raise) verdicts.get(0)).draft().title()).startsWith("Stopped 20 min");
        assertThat(verdicts.get(verdicts.size() - 1)).isInstanceOfSatisfying(Verdict.Clear.class,
                clear -> assertThat(clear.title()).startsWith("Stopped 37 min where no stop was planned"));
    }

    @Test
    void oneStrayFixDoesNotSplitAStop() {
        UnplannedStop detector = stopDetector(Duration.ZERO);
        List<Verdict> verdicts = new ArrayList<>();
        for (int minute = 0; minute <= 20; minute++) {
            double lat = minute == 12 ? 41.503 : 41.5;
            detector.observe(T0.plusSeconds(60L * minute), lat, -88.0).ifPresent(verdicts::add);
        }
        assertThat(verdicts).singleElement().isInstanceOfSatisfying(Verdict.Raise.class,
                raise -> assertThat(raise.draft().since()).isEqualTo(T0));
    }

    @Test
    void standingAtAKnownStopIsNotAnAnomaly() {
        UnplannedStop detector = new UnplannedStop(1, List.of(new PlannedStop("planned stop", 41.5, -88.0, 0)),
                DepotCheck.NONE, settings, PLACES, () -> Duration.ZERO, false);
        for (int minute = 0; minute <= 90; minute++) {
            assertThat(detector.observe(T0.plusSeconds(60L * minute), 41.5003, -88.0)).isEmpty();
        }
    }

    @Test
    void standingAtADepotOfTheShipmentsOrgsIsNotAnAnomaly() {
        DepotCheck yard = (lat, lon) -> Math.abs(lat - 41.5) < 0.005 && Math.abs(lon + 88.0) < 0.005;
        UnplannedStop detector = new UnplannedStop(1, List.of(), yard, settings, PLACES, () -> Duration.ZERO, false);
        for (int minute = 0; minute <= 90; minute++) {
            assertThat(detector.observe(T0.plusSeconds(60L * minute), 41.5003, -88.0)).isEmpty();
        }
    }

    @Test
    void aStopWhenARestIsDueIsReportedAsThatRestThenWarnsOnceItRunsOverByTheThreshold() {
        UnplannedStop detector = stopDetector(Duration.ofMinutes(30));
        List<AlertDraft> raised = new ArrayList<>();
        for (int minute = 0; minute <= 60; minute++) {
            detector.observe(T0.plusSeconds(60L * minute), 41.5, -88.0)
                    .ifPresent(v -> raised.add(((Verdict.Raise) v).draft()));
        }
        assertThat(raised).extracting(AlertDraft::severity).containsExactly(Severity.INFO, Severity.WARNING);
        assertThat(raised.get(0).at()).isEqualTo(T0.plusSeconds(20 * 60));
        assertThat(raised.get(0).title()).contains("likely the 30-min rest the driving rules make due");
        assertThat(raised.get(1).at()).isEqualTo(T0.plusSeconds(50 * 60));
        assertThat(raised.get(1).title()).contains("longer than the 30-min rest then due");
    }

    @Test
    void aLateArrivalIsPredictedOnlyWhenTheEstimateStaysLateForTheWholePersistence() {
        Instant promised = T0.plusSeconds(6 * 3_600);
        EtaSettings settings = new EtaSettings();
        PredictedLate detector = new PredictedLate(1, promised, settings, false);
        assertThat(detector.observe(estimate(T0, 0.9), true)).isEmpty();
        assertThat(detector.observe(estimate(T0.plusSeconds(300), 0.3), true)).isEmpty();
        long persistence = settings.latePersistence().toMinutes();
        for (long minute = 10; minute < 10 + persistence; minute++) {
            assertThat(detector.observe(estimate(T0.plusSeconds(60 * minute), 0.9), true)).isEmpty();
        }
        assertThat(detector.observe(estimate(T0.plusSeconds(60 * (10 + persistence)), 0.9), true))
                .containsInstanceOf(Verdict.Raise.class);
    }

    @Test
    void aForecastThatIsNotGroundedYetStartsNoLatePersistence() {
        EtaSettings settings = new EtaSettings();
        PredictedLate detector = new PredictedLate(1, T0.plusSeconds(6 * 3_600), settings, false);
        long persistence = settings.latePersistence().toMinutes();
        for (long minute = 0; minute <= 2 * persistence; minute++) {
            assertThat(detector.observe(estimate(T0.plusSeconds(60 * minute), 0.9), false)).isEmpty();
        }
        Instant grounded = T0.plusSeconds(60 * (2 * persistence + 1));
        assertThat(detector.observe(estimate(grounded, 0.9), true)).isEmpty();
        assertThat(detector.observe(estimate(grounded.plus(settings.latePersistence()), 0.9), true))
                .containsInstanceOf(Verdict.Raise.class);
    }

    @Test
    void aPromiseThatHasPassedRaisesPredictedLateAtOnce() {
        Instant promised = T0.plusSeconds(3_600);
        PredictedLate detector = new PredictedLate(1, promised, new EtaSettings(), false);
        assertThat(detector.observe(estimate(promised.minusSeconds(60), 1.0), false)).isEmpty();
        assertThat(detector.observe(estimate(promised, 1.0), false)).containsInstanceOf(Verdict.Raise.class);
    }

    private static Estimate estimate(Instant asOf, double lateProbability) {
        OffsetDateTime eta = asOf.plusSeconds(7_200).atOffset(ZoneOffset.UTC);
        EtaBasis basis = new EtaBasis("in_transit", "along the planned route", "test", 20, 0, "none", List.of(), 0, 0,
                "none", "test");
        return new Estimate(eta, eta, eta, 100_000, asOf.atOffset(ZoneOffset.UTC), basis, lateProbability);
    }

    @Test
    void aTrackerQuietForMoreThanItsUsualIntervalTimesTheFactorIsSilentAndClearsWhenHeard() {
        TrackerSilence detector = new TrackerSilence(1, settings, false);
        for (int i = 0; i < 20; i++) {
            detector.observe(T0.plusSeconds(60L * i), T0.plusSeconds(60L * i));
        }
        Instant last = T0.plusSeconds(60L * 19);
        assertThat(detector.check(last.plusSeconds(140))).isEmpty();
        Optional<Verdict> silent = detector.check(last.plusSeconds(160));
        assertThat(silent).containsInstanceOf(Verdict.Raise.class);
        assertThat(((Verdict.Raise) silent.orElseThrow()).draft().evidence()).containsEntry("usualIntervalSeconds", 60L);
        assertThat(detector.observe(last.plusSeconds(600), last.plusSeconds(600)))
                .containsInstanceOf(Verdict.Clear.class);
    }

    @Test
    void aTrackerIsSilentByWhenItWasLastHeardNotByTheTimeOfItsLastReading() {
        TrackerSilence detector = new TrackerSilence(1, settings, false);
        for (int i = 0; i < 10; i++) {
            detector.observe(T0.plusSeconds(60L * i), T0.plusSeconds(60L * i));
        }
        // back after a tunnel: ten buffered readings arrive together, the newest already 10 min old
        Instant back = T0.plusSeconds(60L * 30);
        for (int i = 10; i < 20; i++) {
            detector.observe(T0.plusSeconds(60L * i), back);
        }
        assertThat(detector.check(back.plusSeconds(120))).as("talking, though its newest reading is 12 min old")
                .isEmpty();
        Optional<Verdict> silent = detector.check(back.plusSeconds(160));
        assertThat(silent).containsInstanceOf(Verdict.Raise.class);
        assertThat(((Verdict.Raise) silent.orElseThrow()).draft().evidence())
                .as("the buffer came as one arrival: the usual interval is still a minute")
                .containsEntry("usualIntervalSeconds", 60L)
                .containsEntry("lastReading", T0.plusSeconds(60L * 19).toString())
                .containsEntry("lastHeard", back.toString());
    }

    @Test
    void aTrackerWhoseHistoryArrivedInOneUploadIsSilentOnceItsReadingsRhythmHasPassedSinceTheUpload() {
        TrackerSilence detector = new TrackerSilence(1, settings, false);
        Instant upload = T0.plusSeconds(3_600);
        for (int i = 0; i < 30; i++) {
            detector.observe(T0.plusSeconds(60L * i), upload);
        }
        assertThat(detector.check(upload.plusSeconds(140))).isEmpty();
        assertThat(detector.check(upload.plusSeconds(160))).containsInstanceOf(Verdict.Raise.class);
    }

    @Test
    void aParkedTruckReportingEveryFiveMinutesInItsUploadedHistoryIsNotSilentAfterTwo() {
        TrackerSilence detector = new TrackerSilence(1, settings, false);
        Instant upload = T0.plusSeconds(3_600);
        for (int i = 0; i < 12; i++) {
            detector.observe(T0.plusSeconds(300L * i), upload);
        }
        detector.observe(T0.plusSeconds(3_600), upload.plusSeconds(30));
        assertThat(detector.check(upload.plusSeconds(330))).isEmpty();
    }

    @Test
    void aTrackerThatSendsItsReadingsInBundlesIsJudgedByHowOftenTheBundlesCome() {
        TrackerSilence detector = new TrackerSilence(1, settings, false);
        for (int bundle = 0; bundle < 8; bundle++) {
            Instant sent = T0.plusSeconds(300L * bundle);
            for (int i = 4; i >= 0; i--) { // handled one by one, a few milliseconds apart
                detector.observe(sent.minusSeconds(60L * i), sent.plusMillis(5L * (4 - i)));
            }
        }
        Instant last = T0.plusSeconds(300L * 7);
        assertThat(detector.check(last.plusSeconds(600))).isEmpty();
        assertThat(detector.check(last.plusSeconds(800))).containsInstanceOf(Verdict.Raise.class);
    }

    @Test
    void aRegularTrackerIsNeverCalledSilent() {
        TrackerSilence detector = new TrackerSilence(1, settings, false);
        for (int i = 0; i < 500; i++) {
            Instant at = T0.plusSeconds(30L * i + (i % 5)); // 30 s with a little jitter
            detector.observe(at, at);
            assertThat(detector.check(at.plusSeconds(29))).isEmpty();
        }
    }

    private UnplannedStop stopDetector(Duration restDue) {
        return new UnplannedStop(1, List.of(new PlannedStop("origin", 41.0, -88.0, 0)), DepotCheck.NONE, settings,
                PLACES, () -> restDue, false);
    }
}

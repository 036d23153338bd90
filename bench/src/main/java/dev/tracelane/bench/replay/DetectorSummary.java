package dev.tracelane.bench.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Detector quality from injected ground truth. An injection is detected when its alert type was detected on
 * its trip between the injection's start and {@link #GRACE_SECONDS} after its end. False alarms are counted on
 * the clean trips, except alerts explained by the generator's own doings (events.csv): an unplanned stop during
 * a fuel stop, break or rest, a silence during a tracker gap. Those are reported as natural events detected.
 *
 * @param falseAlarms         per alert type, clean trips with an unexplained alert of that type
 * @param silencePer100Hours  tracker_silent alerts explained by neither an outage nor a gap, per 100 hours of
 *                            replayed tracking (all trips)
 * @param detectedAtGiven     false when some alert had no detectedAt and its openedAt stood in
 */
record DetectorSummary(List<VariantRow> variants, List<FalseAlarmRow> falseAlarms, int naturalStops,
                       int naturalStopsDetected, int naturalGaps, int naturalGapsDetected, double trackerHours,
                       int unexplainedSilences, double silencePer100Hours, boolean detectedAtGiven) {
    static final long GRACE_SECONDS = 15 * 60;
    /** A detector that answers an anomaly and clears after it should be done by then. */
    static final long CLEAR_SECONDS = 30 * 60;
    static final int NATURAL_STOP_MINUTES = 20;

    /**
     * @param cleared injections whose alert was resolved by {@link #CLEAR_SECONDS} after the end
     * @param flapped injections answered by more than one alert
     */
    record VariantRow(String variant, Anomaly kind, int size, int trips, int detected, double recall,
                      double delayMedianMinutes, double delayP90Minutes, int cleared, int flapped) {
    }

    record FalseAlarmRow(String alertType, int cleanTrips, int alarmed, double rate) {
    }

    /**
     * @param trips  the replayed trips (anomalies injected), whose events and time span count
     * @param alerts each trip's alerts, by trip id
     */
    static DetectorSummary of(List<Injection> injections, Set<String> clean, List<TripData> trips,
                              Map<String, List<AlertView>> alerts) {
        List<VariantRow> rows = new ArrayList<>();
        for (InjectionPlan.Variant v : InjectionPlan.VARIANTS) {
            rows.add(row(v, injections.stream().filter(i -> i.kind() == v.kind() && i.size() == v.size()).toList(),
                    alerts));
        }
        List<FalseAlarmRow> falseAlarms = new ArrayList<>();
        for (Anomaly kind : Anomaly.values()) {
            falseAlarms.add(falseAlarms(kind, trips.stream().filter(t -> clean.contains(t.trip().id())
                    && (kind != Anomaly.TEMPERATURE || t.reefer())).toList(), alerts));
        }
        int stops = 0;
        int stopsDetected = 0;
        int gaps = 0;
        int gapsDetected = 0;
        int unexplainedSilences = 0;
        double hours = 0;
        for (TripData t : trips) {
            List<AlertView> stopAlerts = alertsOf(alerts, t.trip().id(), Anomaly.STOP.alertType);
            List<AlertView> silences = alertsOf(alerts, t.trip().id(), Anomaly.OUTAGE.alertType);
            for (TripEvent e : t.events()) {
                if (e.isStop() && e.minutes() >= NATURAL_STOP_MINUTES) {
                    stops++;
                    stopsDetected += answered(stopAlerts, e.startTs(), e.endTs()) ? 1 : 0;
                } else if (!e.isStop()) {
                    gaps++;
                    gapsDetected += answered(silences, e.startTs(), e.endTs()) ? 1 : 0;
                }
            }
            List<long[]> quiet = new ArrayList<>();
            t.events().stream().filter(e -> !e.isStop()).forEach(e -> quiet.add(new long[]{e.startTs(), e.endTs()}));
            injections.stream().filter(i -> i.tripId().equals(t.trip().id()) && i.kind() == Anomaly.OUTAGE)
                    .forEach(i -> quiet.add(new long[]{i.startTs(), i.endTs()}));
            unexplainedSilences += (int) silences.stream()
                    .filter(a -> quiet.stream().noneMatch(w -> within(a, w[0], w[1]))).count();
            TripTimeline timeline = TripTimeline.of(t);
            hours += (timeline.lastTs() - timeline.firstTs()) / 3600.0;
        }
        boolean given = alerts.values().stream().flatMap(List::stream).allMatch(AlertView::detectedAtGiven);
        return new DetectorSummary(rows, falseAlarms, stops, stopsDetected, gaps, gapsDetected, hours,
                unexplainedSilences, hours == 0 ? Double.NaN : unexplainedSilences * 100 / hours, given);
    }

    /**
     * Clean trips with an alert of the kind's type that none of the generator's own doings explain: its stops
     * for unplanned stops, its tracker gaps for silences.
     */
    private static FalseAlarmRow falseAlarms(Anomaly kind, List<TripData> judged, Map<String, List<AlertView>> alerts) {
        int alarmed = 0;
        for (TripData t : judged) {
            List<TripEvent> excused = t.events().stream().filter(e -> kind == Anomaly.STOP ? e.isStop()
                    : kind == Anomaly.OUTAGE && !e.isStop()).toList();
            if (alertsOf(alerts, t.trip().id(), kind.alertType).stream()
                    .anyMatch(a -> excused.stream().noneMatch(e -> within(a, e.startTs(), e.endTs())))) {
                alarmed++;
            }
        }
        return new FalseAlarmRow(kind.alertType, judged.size(), alarmed,
                judged.isEmpty() ? Double.NaN : alarmed / (double) judged.size());
    }

    private static VariantRow row(InjectionPlan.Variant v, List<Injection> injected,
                                  Map<String, List<AlertView>> alerts) {
        int detected = 0;
        int cleared = 0;
        int flapped = 0;
        List<Double> delays = new ArrayList<>();
        for (Injection i : injected) {
            List<AlertView> answering = alertsOf(alerts, i.tripId(), v.kind().alertType).stream()
                    .filter(a -> answers(a, i)).toList();
            if (answering.isEmpty()) {
                continue;
            }
            detected++;
            long first = answering.stream().mapToLong(AlertView::detectedTs).min().orElseThrow();
            delays.add((first - i.startTs()) / 60.0);
            flapped += answering.size() > 1 ? 1 : 0;
            cleared += answering.stream().anyMatch(a -> a.resolvedAt() != null
                    && a.resolvedAt().getEpochSecond() <= i.endTs() + CLEAR_SECONDS) ? 1 : 0;
        }
        return new VariantRow(Injection.variant(v.kind(), v.size()), v.kind(), v.size(), injected.size(), detected,
                injected.isEmpty() ? Double.NaN : detected / (double) injected.size(),
                Quantiles.median(delays).orElse(Double.NaN), Quantiles.percentile(delays, 90).orElse(Double.NaN),
                cleared, flapped);
    }

    /** An alert of the injection's type counts for it when detected within its span plus the grace period. */
    static boolean answers(AlertView alert, Injection injection) {
        return within(alert, injection.startTs(), injection.endTs());
    }

    static List<AlertView> alertsOf(Map<String, List<AlertView>> alerts, String tripId, String type) {
        return alerts.getOrDefault(tripId, List.of()).stream().filter(a -> type.equals(a.type())).toList();
    }

    private static boolean answered(List<AlertView> alerts, long start, long end) {
        return alerts.stream().anyMatch(a -> within(a, start, end));
    }

    /** Detected between the start and the grace period after the end. */
    private static boolean within(AlertView alert, long start, long end) {
        long at = alert.detectedTs();
        return at >= start && at <= end + GRACE_SECONDS;
    }
}

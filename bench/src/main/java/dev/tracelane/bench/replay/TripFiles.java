package dev.tracelane.bench.replay;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes a data set: {@code trips.csv}, {@code pings.csv} and the optional {@code events.csv}
 * (formats in bench/README.md). Optional columns may be missing altogether.
 */
final class TripFiles {
    static final String TRIPS = "trips.csv";
    static final String PINGS = "pings.csv";
    static final String EVENTS = "events.csv";

    private TripFiles() {
    }

    /** @param events the events file, or null when there is none */
    static List<TripData> read(Path trips, Path pings, Path events) throws IOException {
        Map<String, Trip> byId = new LinkedHashMap<>();
        Csv.read(trips, List.of("trip_id", "origin_lat", "origin_lon", "dest_lat", "dest_lon"), row -> {
            Trip trip = new Trip(row.required("trip_id"), row.get("lane"),
                    new LatLon(row.number("origin_lat"), row.number("origin_lon")),
                    new LatLon(row.number("dest_lat"), row.number("dest_lon")),
                    instant(row, "planned_departure"), instant(row, "promised_until"));
            if (byId.put(trip.id(), trip) != null) {
                throw row.bad("trip " + trip.id() + " appears twice");
            }
        });
        Map<String, List<Ping>> pingsOf = new LinkedHashMap<>();
        byId.keySet().forEach(id -> pingsOf.put(id, new ArrayList<>()));
        Csv.read(pings, List.of("trip_id", "ts", "lat", "lon"), row -> {
            String id = row.required("trip_id");
            List<Ping> list = pingsOf.get(id);
            if (list == null) {
                throw row.bad("ping for unknown trip " + id);
            }
            list.add(new Ping(id, Math.round(row.number("ts")), row.number("lat"), row.number("lon"),
                    row.optionalNumber("speed"), row.optionalNumber("temperature")));
        });
        Map<String, List<TripEvent>> eventsOf = new LinkedHashMap<>();
        if (events != null) {
            Csv.read(events, List.of("trip_id", "kind", "start_ts", "end_ts"), row -> {
                String id = row.required("trip_id");
                if (!byId.containsKey(id)) {
                    throw row.bad("event for unknown trip " + id);
                }
                eventsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(new TripEvent(id, row.required("kind"),
                        Math.round(row.number("start_ts")), Math.round(row.number("end_ts"))));
            });
        }
        List<TripData> data = new ArrayList<>(byId.size());
        byId.forEach((id, trip) -> data.add(new TripData(trip, pingsOf.get(id), eventsOf.getOrDefault(id, List.of()))));
        return data;
    }

    static void write(Path directory, List<TripData> trips) throws IOException {
        Files.createDirectories(directory);
        try (Writer out = Files.newBufferedWriter(directory.resolve(TRIPS), StandardCharsets.UTF_8)) {
            out.write(Csv.line("trip_id", "lane", "origin_lat", "origin_lon", "dest_lat", "dest_lon",
                    "planned_departure", "promised_until"));
            for (TripData data : trips) {
                Trip t = data.trip();
                out.write(Csv.line(t.id(), t.lane(), degrees(t.origin().lat()), degrees(t.origin().lon()),
                        degrees(t.destination().lat()), degrees(t.destination().lon()), t.plannedDeparture(),
                        t.promisedUntil()));
            }
        }
        try (Writer out = Files.newBufferedWriter(directory.resolve(PINGS), StandardCharsets.UTF_8)) {
            out.write(Csv.line("trip_id", "ts", "lat", "lon", "speed", "temperature"));
            for (TripData data : trips) {
                for (Ping p : data.pings()) {
                    out.write(Csv.line(p.tripId(), p.ts(), degrees(p.lat()), degrees(p.lon()), tenth(p.speed()),
                            tenth(p.temperature())));
                }
            }
        }
        try (Writer out = Files.newBufferedWriter(directory.resolve(EVENTS), StandardCharsets.UTF_8)) {
            out.write(Csv.line("trip_id", "kind", "start_ts", "end_ts"));
            for (TripData data : trips) {
                for (TripEvent e : data.events()) {
                    out.write(Csv.line(e.tripId(), e.kind(), e.startTs(), e.endTs()));
                }
            }
        }
    }

    private static Instant instant(Csv.Row row, String column) {
        String text = row.get(column);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw row.bad(column + " must be an ISO-8601 instant such as 2026-08-20T13:45:00Z");
        }
    }

    private static String degrees(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static String tenth(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.1f", value);
    }
}

package dev.tracelane.bench.replay;

import dev.tracelane.bench.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code POST /api/shipments} body for a trip (CONTRACT.md, "Shipments"). */
final class ShipmentRequests {
    /** The cargo range of reefer trips; the generator keeps them near 4 °C. */
    static final double TEMP_MIN = 2;
    static final double TEMP_MAX = 8;
    /** Planned routes keep a point about every kilometre: detailed enough for a 500 m corridor, yet small. */
    static final double ROUTE_SPACING_METERS = 1_000;

    private ShipmentRequests() {
    }

    /**
     * @param lane  the lane the service groups the trip under (the run's own, see {@link ReplayBench})
     * @param route the planned route, or null to send none
     */
    static String body(String reference, String org, String lane, TripData data, String tracker, List<LatLon> route) {
        Trip trip = data.trip();
        String[] names = trip.lane() != null && trip.lane().contains(" -> ") ? trip.lane().split(" -> ", 2) : null;
        StringBuilder json = new StringBuilder(256).append('{')
                .append("\"reference\":").append(Json.quote(reference))
                .append(",\"shipper\":").append(Json.quote(org))
                .append(",\"carrier\":").append(Json.quote(org));
        if (lane != null) {
            json.append(",\"lane\":").append(Json.quote(lane));
        }
        json.append(",\"origin\":").append(place(names == null ? null : names[0], trip.origin()))
                .append(",\"destination\":").append(place(names == null ? null : names[1], trip.destination()));
        if (trip.plannedDeparture() != null) {
            json.append(",\"plannedDeparture\":").append(Json.quote(trip.plannedDeparture().toString()));
        }
        if (trip.promisedUntil() != null) {
            json.append(",\"promisedArrival\":{\"until\":").append(Json.quote(trip.promisedUntil().toString()))
                    .append('}');
        }
        if (data.reefer()) {
            json.append(String.format(Locale.ROOT, ",\"cargo\":{\"type\":\"reefer\",\"tempMin\":%s,\"tempMax\":%s}",
                    TEMP_MIN, TEMP_MAX));
        }
        json.append(",\"tracker\":").append(Json.quote(tracker));
        if (route != null) {
            json.append(",\"plannedRoute\":{\"type\":\"LineString\",\"coordinates\":[");
            for (int i = 0; i < route.size(); i++) {
                json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.6f,%.6f]",
                        route.get(i).lon(), route.get(i).lat()));
            }
            json.append("]}");
        }
        return json.append('}').toString();
    }

    /** The trip's own path as a planned route: a point whenever the truck is a kilometre from the last one kept. */
    static List<LatLon> routeOf(TripTimeline timeline) {
        List<LatLon> route = new ArrayList<>();
        List<Ping> pings = timeline.pings();
        for (Ping p : pings) {
            if (route.isEmpty() || route.get(route.size() - 1).metersTo(p.at()) >= ROUTE_SPACING_METERS) {
                route.add(p.at());
            }
        }
        LatLon last = pings.get(pings.size() - 1).at();
        if (route.size() < 2 || !route.get(route.size() - 1).equals(last)) {
            route.add(last);
        }
        return route;
    }

    private static String place(String name, LatLon at) {
        return String.format(Locale.ROOT, "{%s\"lat\":%.6f,\"lon\":%.6f}",
                name == null ? "" : "\"name\":" + Json.quote(name) + ",", at.lat(), at.lon());
    }
}

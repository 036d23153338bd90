package dev.tracelane.bench.replay;

import java.util.List;

/** The US freight cities lanes run between (city-centre coordinates). */
final class Cities {
    record City(String name, LatLon at) {
    }

    static final List<City> ALL = List.of(
            city("New York", 40.7128, -74.0060), city("Philadelphia", 39.9526, -75.1652),
            city("Boston", 42.3601, -71.0589), city("Baltimore", 39.2904, -76.6122),
            city("Pittsburgh", 40.4406, -79.9959), city("Charlotte", 35.2271, -80.8431),
            city("Atlanta", 33.7490, -84.3880), city("Jacksonville", 30.3322, -81.6557),
            city("Nashville", 36.1627, -86.7816), city("Memphis", 35.1495, -90.0490),
            city("Louisville", 38.2527, -85.7585), city("Cincinnati", 39.1031, -84.5120),
            city("Columbus", 39.9612, -82.9988), city("Indianapolis", 39.7684, -86.1581),
            city("Chicago", 41.8781, -87.6298), city("Detroit", 42.3314, -83.0458),
            city("St. Louis", 38.6270, -90.1994), city("Kansas City", 39.0997, -94.5786),
            city("Minneapolis", 44.9778, -93.2650), city("Omaha", 41.2565, -95.9345),
            city("Dallas", 32.7767, -96.7970), city("Houston", 29.7604, -95.3698),
            city("San Antonio", 29.4241, -98.4936), city("Oklahoma City", 35.4676, -97.5164),
            city("Denver", 39.7392, -104.9903), city("Albuquerque", 35.0844, -106.6504),
            city("Phoenix", 33.4484, -112.0740), city("Salt Lake City", 40.7608, -111.8910),
            city("Las Vegas", 36.1699, -115.1398), city("Los Angeles", 34.0522, -118.2437));

    private Cities() {
    }

    /** Distance to the nearest city centre: traffic near one is urban traffic. */
    static double metersToNearest(LatLon at) {
        double nearest = Double.MAX_VALUE;
        for (City c : ALL) {
            nearest = Math.min(nearest, c.at().metersTo(at));
        }
        return nearest;
    }

    private static City city(String name, double lat, double lon) {
        return new City(name, new LatLon(lat, lon));
    }
}

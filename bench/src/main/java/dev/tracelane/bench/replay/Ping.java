package dev.tracelane.bench.replay;

/**
 * One row of {@code pings.csv}: what a tracker reported. The file's row order is the order the tracker sent
 * in, so a row older than the one before it is a late (store-and-forward) reading.
 *
 * @param ts          device time, epoch seconds
 * @param speed       m/s, null when not reported
 * @param temperature degrees Celsius, null when not reported (not a reefer)
 */
record Ping(String tripId, long ts, double lat, double lon, Double speed, Double temperature) {

    LatLon at() {
        return new LatLon(lat, lon);
    }

    Ping movedTo(LatLon position) {
        return new Ping(tripId, ts, position.lat(), position.lon(), speed, temperature);
    }

    Ping shifted(long seconds) {
        return new Ping(tripId, ts + seconds, lat, lon, speed, temperature);
    }

    Ping withTemperature(Double celsius) {
        return new Ping(tripId, ts, lat, lon, speed, celsius);
    }
}

package dev.tracelane.bench.replay;

/** A point on the earth in degrees, with the spherical geometry the generator and the metrics need. */
record LatLon(double lat, double lon) {
    static final double EARTH_RADIUS_METERS = 6_371_008.8;

    /** Great-circle (haversine) distance, the same measure the service uses for its geofences. */
    double metersTo(LatLon other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Initial bearing towards {@code other}, degrees clockwise from north. */
    double bearingTo(LatLon other) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dLon = Math.toRadians(other.lon - lon);
        double y = Math.sin(dLon) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLon);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    /** The point {@code meters} away along {@code bearing} (degrees); negative meters go the opposite way. */
    LatLon offset(double bearing, double meters) {
        double delta = meters / EARTH_RADIUS_METERS;
        double theta = Math.toRadians(bearing);
        double phi1 = Math.toRadians(lat);
        double lambda1 = Math.toRadians(lon);
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        return new LatLon(Math.toDegrees(phi2), (Math.toDegrees(lambda2) + 540) % 360 - 180);
    }

    /** Linear interpolation in degrees: exact enough over the few hundred metres it is used for. */
    LatLon towards(LatLon other, double fraction) {
        return new LatLon(lat + (other.lat - lat) * fraction, lon + (other.lon - lon) * fraction);
    }
}

package dev.tracelane.demo;

import dev.tracelane.tracking.geo.GreatCircle;

/** A point on the map, in degrees. */
record LatLon(double lat, double lon) {
    private static final double METERS_PER_DEGREE = 111_320;

    double metersTo(LatLon other) {
        return GreatCircle.meters(lat, lon, other.lat, other.lon);
    }

    /** Initial bearing towards {@code other}, degrees clockwise from north. */
    double bearingTo(LatLon other) {
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(other.lat);
        double dl = Math.toRadians(other.lon - lon);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    /** Moves {@code meters} along {@code bearing}; flat-earth, fine for the few kilometres used here. */
    LatLon offset(double bearing, double meters) {
        double b = Math.toRadians(bearing);
        return new LatLon(lat + meters * Math.cos(b) / METERS_PER_DEGREE,
                lon + meters * Math.sin(b) / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat))));
    }

    LatLon towards(LatLon other, double fraction) {
        return new LatLon(lat + (other.lat - lat) * fraction, lon + (other.lon - lon) * fraction);
    }
}

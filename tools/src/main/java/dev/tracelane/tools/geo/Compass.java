package dev.tracelane.tools.geo;

/** Bearings and the compass points people use for them. */
public final class Compass {
    private static final String[] POINTS = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};

    private Compass() {
    }

    /** Initial great-circle bearing from the first point to the second, degrees clockwise from north. */
    public static double bearing(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    public static String point(double bearing) {
        return POINTS[(int) Math.round(((bearing % 360) + 360) % 360 / 45) % 8];
    }
}

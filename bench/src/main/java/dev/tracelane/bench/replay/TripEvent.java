package dev.tracelane.bench.replay;

/**
 * One row of the optional {@code events.csv}: something the generator made happen on purpose (a fuel or meal
 * stop, an hours-of-service break or rest, a tracker gap), so detector metrics can tell them from false alarms.
 *
 * @param kind one of {@link #STOP}, {@link #BREAK}, {@link #REST}, {@link #GAP}
 */
record TripEvent(String tripId, String kind, long startTs, long endTs) {
    static final String STOP = "stop";
    static final String BREAK = "break";
    static final String REST = "rest";
    static final String GAP = "gap";

    boolean isStop() {
        return !GAP.equals(kind);
    }

    long minutes() {
        return (endTs - startTs) / 60;
    }

    TripEvent shifted(long seconds) {
        return new TripEvent(tripId, kind, startTs + seconds, endTs + seconds);
    }
}

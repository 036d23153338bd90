package dev.tracelane.bench.replay;

/** A recurring route between two cities; every trip on it follows the same road. */
record Lane(Cities.City origin, Cities.City destination, Polyline road) {

    /** The name trips.csv carries, in the service's own default form ("origin -> destination"). */
    String name() {
        return origin.name() + " -> " + destination.name();
    }

    /** The same for both directions, so a held-out set can avoid the roads a train set has seen. */
    String pairKey() {
        return pairKey(origin, destination);
    }

    static String pairKey(Cities.City a, Cities.City b) {
        return a.name().compareTo(b.name()) < 0 ? a.name() + "|" + b.name() : b.name() + "|" + a.name();
    }
}

package dev.tracelane.demo;

/** What the demo makes happen on a trip, so every alert kind has something to show. */
enum Scenario {
    NORMAL,
    /** A reefer load whose temperature climbs out of range part-way. */
    REEFER_WARMING,
    /** Leaves its planned route by a few kilometres, then comes back. */
    LEAVES_ROUTE,
    /** Stops for an hour somewhere that is not a planned stop. */
    WRONG_STOP,
    /** The tracker stops reporting part-way. */
    GOES_SILENT
}

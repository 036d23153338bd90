package dev.tracelane.tracking.ingest;

import java.util.List;

/** The outcome of reading one frame or request: events to store and what was refused, one entry each. */
public record ParsedEvents(List<TrackingEvent> accepted, List<Rejection> rejected) {
}

package dev.tracelane.bench.replay;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {

    @Test
    void checkpointsFallAtAQuarterHalfAndThreeQuartersOfTheTrip() {
        TripData data = Fixtures.straight("c", "A -> B", Fixtures.T0, 200, 10, null);
        TripTimeline timeline = TripTimeline.of(data);
        long duration = timeline.arrivalTs() - timeline.firstTs();
        List<Checkpoint> checkpoints = Checkpoint.of(data, timeline);
        assertEquals(List.of(25, 50, 75), checkpoints.stream().map(Checkpoint::percent).toList());
        for (Checkpoint c : checkpoints) {
            long due = timeline.firstTs() + duration * c.percent() / 100;
            assertTrue(c.ping().ts() >= due && c.ping().ts() < due + 60, "the first ping at or after " + due);
            assertEquals(c.ping(), timeline.pings().get(c.index()));
        }
    }

    @Test
    void aLatePingIsNeverACheckpoint() {
        TripData onTime = Fixtures.straight("c", "A -> B", Fixtures.T0, 200, 10, null);
        TripTimeline timeline = TripTimeline.of(onTime);
        Ping quarter = Checkpoint.of(onTime, timeline).get(0).ping();
        List<Ping> pings = new ArrayList<>(onTime.pings());
        int at = pings.indexOf(quarter);
        pings.add(at + 3, pings.remove(at)); // sent three pings late
        TripData late = new TripData(onTime.trip(), pings, List.of());
        assertEquals(Set.of(quarter.ts()), Checkpoint.latePings(pings));
        assertEquals(quarter.ts() + 60, Checkpoint.of(late, TripTimeline.of(late)).get(0).ping().ts());
    }

    @Test
    void aTripThatNeverArrivesHasNoCheckpoints() {
        TripData data = Fixtures.straight("c", "A -> B", Fixtures.T0, 200, 0, null);
        List<Ping> half = data.pings().subList(0, 100);
        TripData unfinished = new TripData(data.trip(), half, List.of());
        assertTrue(Checkpoint.of(unfinished, TripTimeline.of(unfinished)).isEmpty());
    }
}

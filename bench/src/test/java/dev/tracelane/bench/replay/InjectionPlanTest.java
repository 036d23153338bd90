package dev.tracelane.bench.replay;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InjectionPlanTest {

    @Test
    void variantsGetDisjointTripsAndAtLeastThirtyPercentStayClean() {
        List<TripData> trips = TripGenerator.single(11, 40, 4);
        InjectionPlan.Result plan = InjectionPlan.apply(trips, 5);
        Set<String> injected = new HashSet<>();
        plan.injections().forEach(i -> assertTrue(injected.add(i.tripId()), "one anomaly per trip"));
        assertTrue(injected.stream().noneMatch(plan.clean()::contains));
        assertEquals(trips.size(), injected.size() + plan.clean().size());
        assertTrue(plan.clean().size() >= 0.3 * trips.size());
        assertTrue(plan.injections().size() >= 24, plan.injections().size() + " of 28 assigned trips found a place");
        Map<String, TripData> byId = trips.stream().collect(Collectors.toMap(t -> t.trip().id(), Function.identity()));
        for (Injection i : plan.injections()) {
            TripData original = byId.get(i.tripId());
            if (i.kind() == Anomaly.TEMPERATURE) {
                assertTrue(original.reefer());
            }
            for (TripEvent e : original.events()) {
                assertTrue(e.endTs() <= i.startTs() || e.startTs() >= i.endTs(),
                        "clear of the generator's own " + e.kind());
            }
            TripTimeline timeline = TripTimeline.of(original);
            double at = (i.startTs() - timeline.firstTs()) / (double) (timeline.arrivalTs() - timeline.firstTs());
            assertTrue(at >= 0.2 && at <= 0.8, "in the middle of the trip: " + at);
        }
        assertEquals(plan.injections(), InjectionPlan.apply(trips, 5).injections(), "deterministic");
    }
}

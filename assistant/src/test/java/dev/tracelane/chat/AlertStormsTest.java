package dev.tracelane.chat;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.time.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An alert storm reaches each chat as a few alerts and one digest per minute. */
class AlertStormsTest {
    private static final Caller ANN = new Caller("ann", "roadrunner", Set.of("coordinator"), List.of());
    private static final Caller BOB = new Caller("bob", "roadrunner", Set.of("coordinator"), List.of());

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private final ChatLimits limits = new ChatLimits();
    private final AlertStorms storms;

    AlertStormsTest() {
        limits.setAlertsPerMinute(3);
        storms = new AlertStorms(limits, clock);
    }

    @Test
    void theFirstAlertsOfAMinuteGoOneByOneAndTheRestWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(storms.admit(ANN, "tracker_silent")).isTrue();
        }
        assertThat(storms.admit(ANN, "tracker_silent")).isFalse();
        assertThat(storms.admit(ANN, "route_deviation")).isFalse();
        assertThat(storms.due()).isEmpty();
    }

    @Test
    void onceTheMinuteIsOverTheWaitingAlertsBecomeOneDigestByType() {
        for (int i = 0; i < 10; i++) {
            storms.admit(ANN, i % 2 == 0 ? "tracker_silent" : "route_deviation");
        }
        clock.set(clock.instant().plus(Duration.ofSeconds(61)));
        List<AlertStorms.Digest> due = storms.due();
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.user().username()).isEqualTo("ann");
            assertThat(d.count()).isEqualTo(7);
            assertThat(d.byType()).isEqualTo(Map.of("route_deviation", 4, "tracker_silent", 3));
        });
        assertThat(storms.admit(ANN, "tracker_silent")).isTrue();
    }

    @Test
    void alertsKeepWaitingUntilTheDigestIsOut() {
        for (int i = 0; i < 4; i++) {
            storms.admit(ANN, "tracker_silent");
        }
        clock.set(clock.instant().plus(Duration.ofSeconds(70)));
        assertThat(storms.admit(ANN, "tracker_silent")).isFalse();
        assertThat(storms.due()).singleElement().satisfies(d -> assertThat(d.count()).isEqualTo(2));
    }

    @Test
    void eachUserHasTheirOwnMinute() {
        for (int i = 0; i < 3; i++) {
            storms.admit(ANN, "tracker_silent");
        }
        assertThat(storms.admit(ANN, "tracker_silent")).isFalse();
        assertThat(storms.admit(BOB, "tracker_silent")).isTrue();
    }
}

package dev.tracelane.chat;

import dev.tracelane.tracking.identity.Caller;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per user, at most {@link ChatLimits#alertsPerMinute()} alerts a minute go into the chat one by one; the rest
 * are counted by type and summed up once that minute is over. An outage that silences a thousand trackers is
 * then one message in each coordinator's chat, not a thousand. Used by one thread only.
 */
final class AlertStorms {
    private static final long MINUTE_MILLIS = 60_000;
    private final ChatLimits limits;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    /** What a user was not shown one by one: how many alerts of each type. */
    record Digest(Caller user, Map<String, Integer> byType) {
        int count() {
            return byType.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static final class Window {
        final long start;
        final Caller user;
        int admitted;
        final Map<String, Integer> held = new TreeMap<>();

        Window(long start, Caller user) {
            this.start = start;
            this.user = user;
        }
    }

    AlertStorms(ChatLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** @return whether this alert goes to the user one by one; if not, it is held for the digest */
    boolean admit(Caller user, String type) {
        long now = clock.millis();
        Window w = windows.get(user.username());
        if (w == null || now - w.start >= MINUTE_MILLIS && w.held.isEmpty()) {
            w = new Window(now, user);
            windows.put(user.username(), w);
        }
        if (w.held.isEmpty() && w.admitted < limits.alertsPerMinute()) {
            w.admitted++;
            return true;
        }
        w.held.merge(type, 1, Integer::sum);
        return false;
    }

    /** The digests whose minute is over; each user's count starts again. */
    List<Digest> due() {
        long now = clock.millis();
        List<Digest> due = new ArrayList<>();
        windows.values().removeIf(w -> {
            if (now - w.start < MINUTE_MILLIS) {
                return false;
            }
            if (!w.held.isEmpty()) {
                due.add(new Digest(w.user, Collections.unmodifiableSortedMap(new TreeMap<>(w.held))));
            }
            return true;
        });
        return due;
    }
}

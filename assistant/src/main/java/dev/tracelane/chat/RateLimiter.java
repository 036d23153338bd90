package dev.tracelane.chat;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Per-user sliding minute: a user past {@link ChatLimits#turnsPerMinute()} waits; others are not affected. */
@Singleton
class RateLimiter {
    private static final long WINDOW_MILLIS = 60_000;
    private final ChatLimits limits;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new HashMap<>();

    RateLimiter(ChatLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    synchronized boolean admit(String username) {
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(username, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
            times.removeFirst();
        }
        if (times.size() >= limits.turnsPerMinute()) {
            return false;
        }
        times.addLast(now);
        return true;
    }
}

package dev.tracelane.tracking.live;

import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.shipment.Shipments;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Subscribing, shared by the WebSocket and SSE endpoints: resolves the client's topic name within the caller's
 * scope (a shipment out of scope is "not found", exactly like a missing one), registers the subscriber, and
 * replays what it missed since {@code since} from {@code live_messages}, or sends {@code resync} when that is
 * older than what is kept.
 */
@Singleton
public class LiveSubscriptions {
    private final LiveHub hub;
    private final LiveMessages messages;
    private final Shipments shipments;
    private final LiveLimits limits;
    private final CapacityTopic capacity;

    public LiveSubscriptions(LiveHub hub, LiveMessages messages, Shipments shipments, LiveLimits limits,
                             CapacityTopic capacity) {
        this.hub = hub;
        this.capacity = capacity;
        this.messages = messages;
        this.shipments = shipments;
        this.limits = limits;
    }

    LiveSubscriber open(Scope scope, LiveTransport transport) {
        LiveSubscriber subscriber = new LiveSubscriber(scope, transport, limits, hub.resumeExecutor(), System::nanoTime);
        hub.add(subscriber);
        return subscriber;
    }

    void close(LiveSubscriber subscriber) {
        hub.remove(subscriber);
        capacity.unfollow(subscriber);
    }

    /** @param since the last seq the client has, or null for "from now on" */
    void subscribe(LiveSubscriber subscriber, String clientTopic, Long since) {
        if (CapacityTopic.NAME.equals(clientTopic)) {
            capacity.follow(subscriber);
            return;
        }
        String quoted = quote(clientTopic);
        Optional<String> topic = resolve(subscriber.scope(), clientTopic);
        if (topic.isEmpty()) {
            subscriber.sendNow(LiveFrames.error(quoted, "not_found", "no such topic: " + clientTopic));
            return;
        }
        subscriber.follow(topic.get(), quoted);
        hub.follow(subscriber, topic.get());
        long current = messages.currentSeq(topic.get()).orElse(0);
        subscriber.sendNow(LiveFrames.subscribed(quoted, current));
        if (since == null) {
            subscriber.replayed(topic.get(), List.of(), null, current);
            return;
        }
        if (since >= current) {
            subscriber.replayed(topic.get(), List.of(), since > current ? current : null, Math.min(since, current));
            return;
        }
        List<LiveMessage> missed = messages.since(topic.get(), since, limits.maxReplay());
        boolean complete = !missed.isEmpty() && missed.get(0).seq() == since + 1 && missed.size() < limits.maxReplay();
        subscriber.replayed(topic.get(), complete ? missed : List.of(), complete ? null : current, since);
    }

    /** Whether {@code clientTopic} names a topic {@code scope} may follow (out of scope looks like missing). */
    boolean exists(Scope scope, String clientTopic) {
        return CapacityTopic.NAME.equals(clientTopic) || resolve(scope, clientTopic).isPresent();
    }

    /** Confirmed with {@code unsubscribed}; a topic that does not exist in scope is {@code not_found}, as on subscribe. */
    void unsubscribe(LiveSubscriber subscriber, String clientTopic) {
        String quoted = quote(clientTopic);
        if (CapacityTopic.NAME.equals(clientTopic)) {
            capacity.unfollow(subscriber);
            subscriber.sendNow(LiveFrames.unsubscribed(quoted));
            return;
        }
        Optional<String> topic = resolve(subscriber.scope(), clientTopic);
        if (topic.isEmpty()) {
            subscriber.sendNow(LiveFrames.error(quoted, "not_found", "no such topic: " + clientTopic));
            return;
        }
        subscriber.unfollow(topic.get());
        hub.unfollow(subscriber, topic.get());
        subscriber.sendNow(LiveFrames.unsubscribed(quoted));
    }

    private Optional<String> resolve(Scope scope, String clientTopic) {
        if (Topics.FLEET.equals(clientTopic) || Topics.ALERTS.equals(clientTopic)) {
            return Optional.of(clientTopic);
        }
        if (clientTopic.startsWith(Topics.SHIPMENT_PREFIX)) {
            return shipments.findId(scope, clientTopic.substring(Topics.SHIPMENT_PREFIX.length()))
                    .map(Topics::ofShipment);
        }
        return Optional.empty();
    }

    private static String quote(String text) {
        return LiveFrames.quote(text);
    }
}

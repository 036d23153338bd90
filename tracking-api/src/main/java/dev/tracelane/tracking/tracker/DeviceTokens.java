package dev.tracelane.tracking.tracker;

import dev.tracelane.tracking.identity.SecretTokens;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tracker a device token belongs to, remembered after the first lookup: devices reconnect often and
 * tokens never change hands (a tracker id and its token hash are both unique). Unknown tokens are not
 * remembered, so a guessing client cannot fill the map.
 */
@Singleton
public class DeviceTokens {
    private static final int MAX_REMEMBERED = 200_000;
    private final Trackers trackers;
    private final SecretTokens secrets;
    private final Map<String, String> byHash = new ConcurrentHashMap<>();

    public DeviceTokens(Trackers trackers, SecretTokens secrets) {
        this.trackers = trackers;
        this.secrets = secrets;
    }

    public Optional<String> trackerOf(String token) {
        String hash = java.util.HexFormat.of().formatHex(secrets.hash(token));
        String known = byHash.get(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = trackers.authenticate(token);
        if (found.isPresent() && byHash.size() < MAX_REMEMBERED) {
            byHash.put(hash, found.get());
        }
        return found;
    }
}

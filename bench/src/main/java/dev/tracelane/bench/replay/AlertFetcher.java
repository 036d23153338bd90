package dev.tracelane.bench.replay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every alert on the given shipments. Asks per shipment ({@code ?shipment=}); a service that does not filter
 * (an error, or other shipments' alerts in the answer) is read whole instead, one status at a time to reach
 * past the list limit, and the result says whether that limit may have cut it short.
 */
final class AlertFetcher {
    static final int LIMIT = 1000;
    private static final List<String> STATUSES = List.of("open", "acknowledged", "resolved");

    /** @param truncated a whole-list read hit the limit, so some alerts may be missing */
    record Fetched(Map<String, List<AlertView>> byReference, boolean filtered, boolean truncated) {
        List<AlertView> of(String reference) {
            return byReference.getOrDefault(reference, List.of());
        }
    }

    private AlertFetcher() {
    }

    static Fetched fetch(ApiClient api, Collection<String> references) throws IOException, InterruptedException {
        Map<String, List<AlertView>> byReference = new HashMap<>();
        boolean filtered = true;
        for (String reference : references) {
            ApiClient.Answer answer = api.get("/api/alerts?shipment=" + ApiClient.encode(reference) + "&limit=" + LIMIT);
            List<AlertView> alerts = answer.ok() ? parse(answer) : null;
            if (alerts == null || alerts.stream().anyMatch(a -> !reference.equals(a.reference()))) {
                filtered = false;
                break;
            }
            byReference.put(reference, alerts);
        }
        if (filtered) {
            return new Fetched(byReference, true, false);
        }
        byReference.clear();
        Set<String> wanted = new HashSet<>(references);
        Set<Long> seen = new HashSet<>();
        boolean truncated = false;
        for (String status : STATUSES) {
            ApiClient.Answer answer = api.get("/api/alerts?status=" + status + "&limit=" + LIMIT);
            if (!answer.ok()) {
                throw new IOException("GET /api/alerts answered " + answer.status());
            }
            List<AlertView> alerts = parse(answer);
            truncated |= alerts.size() >= LIMIT;
            for (AlertView alert : alerts) {
                if (wanted.contains(alert.reference()) && seen.add(alert.id())) {
                    byReference.computeIfAbsent(alert.reference(), k -> new ArrayList<>()).add(alert);
                }
            }
        }
        return new Fetched(byReference, false, truncated);
    }

    private static List<AlertView> parse(ApiClient.Answer answer) throws IOException {
        try {
            if (!(answer.json() instanceof List<?> list)) {
                throw new IOException("GET /api/alerts did not answer a list");
            }
            return list.stream().map(item -> AlertView.of(JsonMaps.object(item))).toList();
        } catch (IllegalArgumentException e) {
            throw new IOException("GET /api/alerts answered unreadable JSON: " + e.getMessage(), e);
        }
    }
}

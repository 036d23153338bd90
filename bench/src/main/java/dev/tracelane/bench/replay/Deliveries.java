package dev.tracelane.bench.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Waits for shipments to be delivered. The service learns a lane from a shipment when it is delivered, which
 * may lag the ack of the ping that delivered it, so the test set starts only once the train set is learned.
 */
final class Deliveries {
    private static final long PAUSE_MILLIS = 500;

    private Deliveries() {
    }

    /** @return the references still not delivered when the timeout ran out */
    static List<String> await(ApiClient api, Collection<String> references, Duration timeout)
            throws InterruptedException {
        List<String> pending = new ArrayList<>(references);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() - deadline < 0) {
            for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
                if (delivered(api, it.next())) {
                    it.remove();
                }
            }
            if (!pending.isEmpty()) {
                Thread.sleep(PAUSE_MILLIS);
            }
        }
        return pending;
    }

    private static boolean delivered(ApiClient api, String reference) throws InterruptedException {
        try {
            ApiClient.Answer answer = api.get("/api/shipments/" + ApiClient.encode(reference));
            return answer.ok() && "delivered".equals(JsonMaps.text(JsonMaps.object(answer.json()), "status"));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}

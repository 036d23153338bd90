package dev.tracelane.bench.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Waits for shipments to be delivered and learned. The service learns a lane from a shipment when its monitors
 * handle the delivery, which may lag the ack of the ping that delivered it by minutes after a fast replay; the
 * shipment's ETA then settles ({@code basis.status} = delivered). The test set starts only once the train set
 * is learned, and its ETAs are not read from monitors still busy with the train set.
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
            // the ETA settles only once the delivery is handled, so it answers both questions in one call
            ApiClient.Answer eta = api.get("/api/shipments/" + ApiClient.encode(reference) + "/eta");
            return eta.ok() && "delivered".equals(JsonMaps.text(JsonMaps.object(
                    JsonMaps.object(eta.json()).get("basis")), "status"));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}

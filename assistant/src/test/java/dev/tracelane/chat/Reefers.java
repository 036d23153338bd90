package dev.tracelane.chat;

import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.SocketClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 2-8 °C reefer shipments and their tracker's readings, for tests of what the assistant says and pushes. */
public final class Reefers {
    private Reefers() {
    }

    /** A reefer shipment from Chicago to Milwaukee; returns its reference. */
    public static String create(Api api, String shipper, String carrier, String trackerId) {
        return (String) api.shipment(shipper, carrier, trackerId, new HashMap<>(Map.of(
                "cargo", Map.of("type", "reefer", "tempMin", 2, "tempMax", 8)))).get("reference");
    }

    /** One reading through the tracker socket, waited for until it is committed. */
    public static void report(int port, String token, Instant ts, double lat, double lon, double celsius)
            throws InterruptedException {
        try (SocketClient tracker = SocketClient.tracker(port, token)) {
            tracker.send("{\"ts\":\"" + ts + "\",\"lat\":" + lat + ",\"lon\":" + lon + ",\"speed\":0,\"temperature\":"
                    + celsius + "}");
            assertThat(tracker.next()).contains("\"ack\"");
        }
    }

    /** A quarter of an hour at 11 °C near Joliet, ending now: long enough for a temperature excursion alert. */
    public static void warmUp(int port, String token) throws InterruptedException {
        Instant start = Instant.now().minusSeconds(20 * 60);
        for (int minute = 0; minute <= 15; minute++) {
            report(port, token, start.plusSeconds(60L * minute), 41.58, -88.00, 11.0);
        }
    }
}

package dev.tracelane.bench.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Each injected anomaly and how it was answered, one CSV row each: what a missed detection is looked up from. */
final class InjectionDetails {
    private InjectionDetails() {
    }

    /** {@code detected_ts} is the first answering alert's detection, empty when none answered. */
    static void write(List<Injection> injections, Map<String, List<AlertView>> alerts, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("trip_id,variant,start_ts,end_ts,detected_ts,alerts_of_type_on_trip");
        for (Injection i : injections) {
            List<AlertView> ofType = DetectorSummary.alertsOf(alerts, i.tripId(), i.kind().alertType);
            OptionalLong detected = ofType.stream().filter(a -> DetectorSummary.answers(a, i))
                    .mapToLong(AlertView::detectedTs).min();
            lines.add(String.join(",", i.tripId(), i.variant(), String.valueOf(i.startTs()),
                    String.valueOf(i.endTs()), detected.isPresent() ? String.valueOf(detected.getAsLong()) : "",
                    String.valueOf(ofType.size())));
        }
        Files.write(file, lines);
    }
}

package dev.tracelane.tools.locate;

import dev.tracelane.tools.alert.Alert;
import dev.tracelane.tools.eta.Estimate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a shipment is, in the words a person uses: "near Joliet, IL (12 km NE)", moving at 88 km/h, last seen
 * 3 minutes ago, on its way from Chicago to Dallas.
 *
 * @param place                null before its first position
 * @param minutesSinceSeen     by the service's clock; null before its first reading
 * @param eta                  null before its first position
 */
@Serdeable
public record Location(String ref, String status, String origin, String destination, @Nullable Double lat,
                       @Nullable Double lon, @Nullable String place, @Nullable OffsetDateTime lastSeen,
                       @Nullable Long minutesSinceSeen, @Nullable Double speedKmh, @Nullable Double temperature,
                       @Nullable String cargoRange, @Nullable OffsetDateTime promisedUntil, @Nullable Estimate eta,
                       List<Alert> activeAlerts) {
}

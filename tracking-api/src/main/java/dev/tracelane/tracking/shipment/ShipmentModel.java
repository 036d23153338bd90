package dev.tracelane.tracking.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of the shipments API (CONTRACT.md, "Shipments"). */
public final class ShipmentModel {
    private ShipmentModel() {
    }

    @Serdeable
    public record Place(@Nullable @Size(max = 200) String name,
                        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

    /** A planned stop; {@code dwellMinutes} is how long the truck is expected to stay. */
    @Serdeable
    public record Stop(@Nullable @Size(max = 200) String name,
                       @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                       @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                       @Nullable Double dwellMinutes) {
    }

    @Serdeable
    public record Window(@Nullable OffsetDateTime from, @Nullable OffsetDateTime until) {
    }

    @Serdeable
    public record Cargo(@Nullable String type, @Nullable Double tempMin, @Nullable Double tempMax) {
    }

    /** GeoJSON LineString: coordinates are [lon, lat] pairs. */
    @Serdeable
    public record LineString(@NotBlank String type, @NotNull @Size(min = 2) List<List<Double>> coordinates) {
    }

    @Serdeable
    public record NewShipment(@NotBlank @Size(max = 100) String reference,
                              @NotBlank String shipper,
                              @NotBlank String carrier,
                              @Nullable @Size(max = 200) String lane,
                              @NotNull @Valid Place origin,
                              @NotNull @Valid Place destination,
                              @Nullable List<@Valid Stop> stops,
                              @Nullable @Valid LineString plannedRoute,
                              @Nullable OffsetDateTime plannedDeparture,
                              @Nullable Window promisedArrival,
                              @Nullable Cargo cargo,
                              @Nullable String tracker) {
    }

    @Serdeable
    public record Position(double lat, double lon, OffsetDateTime ts, @Nullable Double speed,
                           @Nullable Double heading, @Nullable Double temperature) {
    }

    /**
     * A shipment as the API returns it. {@code eta} and {@code alerts} come from other modules through
     * {@link ShipmentAugmenter}s; without them they are null and empty.
     */
    @Serdeable
    public record Shipment(String reference, String shipper, String carrier, String lane, Place origin,
                           Place destination, @JsonInclude(JsonInclude.Include.ALWAYS) List<Stop> stops,
                           @Nullable LineString plannedRoute,
                           @Nullable OffsetDateTime plannedDeparture, @Nullable Window promisedArrival,
                           @Nullable Cargo cargo, @Nullable String tracker, String status,
                           @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Position lastPosition,
                           @Nullable OffsetDateTime departedAt,
                           @Nullable OffsetDateTime deliveredAt,
                           @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object eta,
                           @JsonInclude(JsonInclude.Include.ALWAYS) List<Object> alerts) {

        public Shipment withAlerts(List<?> active) {
            return new Shipment(reference, shipper, carrier, lane, origin, destination, stops, plannedRoute,
                    plannedDeparture, promisedArrival, cargo, tracker, status, lastPosition, departedAt, deliveredAt,
                    eta, List.copyOf(active));
        }

        public Shipment withEta(Object estimate) {
            return new Shipment(reference, shipper, carrier, lane, origin, destination, stops, plannedRoute,
                    plannedDeparture, promisedArrival, cargo, tracker, status, lastPosition, departedAt, deliveredAt,
                    estimate, alerts);
        }
    }
}

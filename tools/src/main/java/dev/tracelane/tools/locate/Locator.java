package dev.tracelane.tools.locate;

import dev.tracelane.tools.alert.Alerts;
import dev.tracelane.tools.eta.Estimates;
import dev.tracelane.tools.geo.NearPlace;
import dev.tracelane.tools.geo.PlaceIndex;
import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.shipment.ShipmentModel.Cargo;
import dev.tracelane.tracking.shipment.ShipmentModel.Place;
import dev.tracelane.tracking.shipment.ShipmentModel.Position;
import dev.tracelane.tracking.shipment.ShipmentModel.Shipment;
import dev.tracelane.tracking.shipment.Shipments;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Locates a shipment for a caller: empty when it is missing or out of the caller's scope, alike. */
@Singleton
public class Locator {
    private final Shipments shipments;
    private final Estimates estimates;
    private final Alerts alerts;
    private final PlaceIndex places;
    private final Clock clock;

    public Locator(Shipments shipments, Estimates estimates, Alerts alerts, PlaceIndex places, Clock clock) {
        this.shipments = shipments;
        this.estimates = estimates;
        this.alerts = alerts;
        this.places = places;
        this.clock = clock;
    }

    public Optional<Location> locate(Scope scope, String reference) {
        return shipments.findId(scope, reference).map(id -> {
            Shipment s = shipments.get(id);
            Position p = s.lastPosition();
            String place = p == null ? null : places.near(p.lat(), p.lon()).map(NearPlace::describe).orElse(null);
            Long minutes = p == null ? null : Duration.between(p.ts().toInstant(), clock.instant()).toMinutes();
            Double kmh = p == null || p.speed() == null ? null : Math.round(p.speed() * 36) / 10.0;
            return new Location(s.reference(), s.status(), label(s.origin()), label(s.destination()),
                    p == null ? null : p.lat(), p == null ? null : p.lon(), place, p == null ? null : p.ts(), minutes,
                    kmh, p == null ? null : p.temperature(), range(s.cargo()),
                    s.promisedArrival() == null ? null : s.promisedArrival().until(), estimates.find(id).orElse(null),
                    alerts.active(id));
        });
    }

    private static String label(Place place) {
        return place.name() != null ? place.name()
                : String.format(Locale.ROOT, "%.4f, %.4f", place.lat(), place.lon());
    }

    private static String range(Cargo cargo) {
        if (cargo == null || cargo.tempMin() == null || cargo.tempMax() == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%.1f to %.1f °C", cargo.tempMin(), cargo.tempMax());
    }
}

package dev.tracelane.demo;

import dev.tracelane.tracking.identity.Orgs;
import dev.tracelane.tracking.identity.PasswordHasher;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.identity.User;
import dev.tracelane.tracking.identity.Users;
import dev.tracelane.tracking.shipment.ShipmentModel;
import dev.tracelane.tracking.shipment.ShipmentModel.Place;
import dev.tracelane.tracking.shipment.Shipments;
import dev.tracelane.tracking.tracker.Trackers;
import dev.tracelane.web.site.Site;
import dev.tracelane.web.site.Sites;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates the demo's orgs, users, trackers and shipments in a fresh database, and refuses one that has them. */
@Singleton
class DemoSeeder {
    static final String PASSWORD = "demo-password";
    /** The site key of the sample host page {@code /widget-demo}. */
    static final String SITE_KEY = "demo-acme";
    private final Orgs orgs;
    private final Users users;
    private final PasswordHasher hasher;
    private final Trackers trackers;
    private final Shipments shipments;
    private final Sites sites;

    DemoSeeder(Orgs orgs, Users users, PasswordHasher hasher, Trackers trackers, Shipments shipments, Sites sites) {
        this.orgs = orgs;
        this.users = users;
        this.hasher = hasher;
        this.trackers = trackers;
        this.shipments = shipments;
        this.sites = sites;
    }

    /** A demo login, printed at start. */
    record Login(String username, String org, String role, String note) {
    }

    /** @return the device token of each trip's tracker, by tracker id */
    Map<String, String> seed(List<TripMotion> trips, List<Login> logins) {
        if (orgs.exists("acme")) {
            // a configured database is never dropped for the demo, and its trips start from the time it starts
            throw new DemoRefusedException("This database already holds the demo's data from an earlier start, and"
                    + " the demo needs a fresh one: point DATASOURCES_DEFAULT_URL at an empty database, or unset it"
                    + " and the demo recreates its own tracelane_demo database each time");
        }
        orgs.create("acme", "Acme Foods (shipper)");
        orgs.create("globex", "Globex Retail (shipper)");
        orgs.create("roadrunner", "Roadrunner Freight (carrier)");
        orgs.create("swift-haul", "Swift Haul (carrier)");
        List<String> customerShipments = trips.stream().map(TripMotion::trip)
                .filter(t -> t.shipper().equals("acme")).limit(2).map(Trip::reference).toList();
        for (Login login : logins) {
            List<String> claims = login.role().equals(Roles.CUSTOMER) ? customerShipments : List.of();
            users.create(new User(login.username(), login.org(), hasher.hash(PASSWORD), Set.of(login.role()), claims));
        }
        Map<String, String> tokens = new HashMap<>();
        for (TripMotion motion : trips) {
            Trip trip = motion.trip();
            tokens.put(trip.trackerId(), trackers.register(trip.trackerId(), trip.carrier(),
                    "Truck " + trip.trackerId().substring(4)).orElseThrow());
            shipments.create(shipment(motion));
        }
        return tokens;
    }

    /** Acme's widget site, for the pages this demo serves itself on {@code port}. */
    void site(int port) {
        sites.save(new Site(SITE_KEY, "acme", "Acme demo shop",
                List.of("http://localhost:" + port, "http://127.0.0.1:" + port)));
    }

    static List<Login> logins() {
        return List.of(
                new Login("coordinator", "roadrunner", Roles.COORDINATOR, "all Roadrunner loads"),
                new Login("dispatcher", "swift-haul", Roles.COORDINATOR, "all Swift Haul loads"),
                new Login("acme", "acme", Roles.SHIPPER, "Acme's shipments across carriers"),
                new Login("acme-support", "acme", Roles.SUPPORT, "support desk at Acme"),
                new Login("customer", "acme", Roles.CUSTOMER, "two Acme shipments only"));
    }

    private static ShipmentModel.NewShipment shipment(TripMotion motion) {
        Trip trip = motion.trip();
        List<List<Double>> coordinates = trip.route().stream().map(p -> List.of(round(p.lon()), round(p.lat())))
                .toList();
        List<ShipmentModel.Stop> stops = motion.restStops().stream()
                .map(r -> new ShipmentModel.Stop(r.length().compareTo(Trip.DAILY_REST) >= 0 ? "Truck stop (overnight)"
                        : "Rest area", r.at().lat(), r.at().lon(), (double) r.length().toMinutes())).toList();
        Duration planned = motion.plannedDuration();
        var until = motion.arrival().plus(planned.dividedBy(8)).plus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC);
        double[] reefer = trip.reefer();
        return new ShipmentModel.NewShipment(trip.reference(), trip.shipper(), trip.carrier(), null,
                place(trip.origin()), place(trip.destination()), stops,
                new ShipmentModel.LineString("LineString", coordinates),
                trip.departure().atOffset(ZoneOffset.UTC),
                new ShipmentModel.Window(until.minusHours(2), until),
                reefer == null ? new ShipmentModel.Cargo("dry", null, null)
                        : new ShipmentModel.Cargo("reefer", reefer[0], reefer[1]),
                trip.trackerId());
    }

    private static Place place(City city) {
        return new Place(city.name(), city.at().lat(), city.at().lon());
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }
}

package dev.tracelane.tracking.shipment;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Orgs;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.shipment.ShipmentModel.Cargo;
import dev.tracelane.tracking.shipment.ShipmentModel.NewShipment;
import dev.tracelane.tracking.shipment.ShipmentModel.Shipment;
import dev.tracelane.tracking.shipment.ShipmentModel.Window;
import dev.tracelane.tracking.tracker.Trackers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /api/shipments}: create, list, get and track, always within the caller's scope. */
@Controller("/api/shipments")
@Secured({Roles.CUSTOMER, Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShipmentController {
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_TRACK_POINTS = 50_000;
    private final Shipments shipments;
    private final Track track;
    private final Orgs orgs;
    private final Trackers trackers;
    private final List<ShipmentAugmenter> augmenters;

    public ShipmentController(Shipments shipments, Track track, Orgs orgs, Trackers trackers,
                              List<ShipmentAugmenter> augmenters) {
        this.augmenters = augmenters;
        this.shipments = shipments;
        this.track = track;
        this.orgs = orgs;
        this.trackers = trackers;
    }

    @Post
    @Status(HttpStatus.CREATED) // so the API description says 201, as the response is
    public HttpResponse<Shipment> create(@Body @Valid NewShipment request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        boolean party = caller.org().equals(request.shipper()) || caller.org().equals(request.carrier());
        boolean mayCreate = caller.isPlatformAdmin() || party && (caller.has(Roles.ADMIN)
                || caller.has(Roles.COORDINATOR) || caller.has(Roles.SHIPPER) && caller.org().equals(request.shipper()));
        if (!mayCreate) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN,
                    "shipments are created by the shipper, or by an admin or coordinator of the shipper or carrier");
        }
        for (String org : List.of(request.shipper(), request.carrier())) {
            if (!orgs.exists(org)) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "org " + org + " does not exist");
            }
        }
        if (request.plannedRoute() != null) {
            PlannedRoutes.check(request.plannedRoute());
        }
        Window promised = request.promisedArrival();
        plausible("plannedDeparture", request.plannedDeparture());
        if (promised != null) {
            plausible("promisedArrival.from", promised.from());
            plausible("promisedArrival.until", promised.until());
        }
        if (promised != null && promised.from() != null && promised.until() != null
                && promised.from().isAfter(promised.until())) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "promisedArrival.from is after its until");
        }
        Cargo cargo = request.cargo();
        if (cargo != null && cargo.tempMin() != null && cargo.tempMax() != null && cargo.tempMin() > cargo.tempMax()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "cargo.tempMin is above its tempMax");
        }
        if (request.tracker() != null) {
            // one answer whether the tracker is missing or another org's: no probing for other orgs' trackers
            boolean theirs = trackers.ownerOf(request.tracker())
                    .filter(owner -> owner.equals(request.shipper()) || owner.equals(request.carrier())).isPresent();
            if (!theirs) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                        "tracker " + request.tracker() + " is not registered to the shipper or the carrier");
            }
        }
        Shipment created = shipments.create(request).orElseThrow(() -> new HttpStatusException(
                HttpStatus.CONFLICT, "shipper " + request.shipper() + " already has shipment " + request.reference()));
        return HttpResponse.created(created);
    }

    @Get
    public List<Shipment> list(@Nullable @QueryValue String status, @Nullable @QueryValue String late,
                               @Nullable @QueryValue String q, @Nullable @QueryValue Integer limit,
                               @Nullable @QueryValue Integer offset, Authentication authentication) {
        ShipmentStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ShipmentStatus.fromWire(status);
            } catch (IllegalArgumentException e) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                        "status must be planned, in_transit or delivered");
            }
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit must be 1.." + MAX_LIMIT);
        }
        if (offset != null && offset < 0) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "offset must not be negative");
        }
        if (late != null && !late.equals("true") && !late.equals("false")) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "late must be true or false");
        }
        ShipmentQuery query = new ShipmentQuery(wanted, late == null ? null : Boolean.valueOf(late),
                q == null || q.isBlank() ? null : q.strip(), limit == null ? 100 : limit, offset == null ? 0 : offset);
        Map<Long, Shipment> page = shipments.list(Scope.of(Caller.of(authentication)), query);
        for (ShipmentAugmenter augmenter : augmenters) {
            page = augmenter.augmentAll(page);
        }
        return List.copyOf(page.values());
    }

    @Get("/{ref}")
    public Shipment get(@PathVariable String ref, Authentication authentication) {
        long id = shipments.findId(Scope.of(Caller.of(authentication)), ref).orElseThrow(() -> notFound(ref));
        Shipment shipment = shipments.get(id);
        for (ShipmentAugmenter augmenter : augmenters) {
            shipment = augmenter.augment(id, shipment);
        }
        return shipment;
    }

    @Get("/{ref}/track")
    public Track.FeatureCollection track(@PathVariable String ref, @Nullable @QueryValue String from,
                                         @Nullable @QueryValue String to, @Nullable @QueryValue Double simplify,
                                         Authentication authentication) {
        Instant start = time("from", from, Instant.EPOCH);
        Instant end = time("to", to, Instant.parse("9999-01-01T00:00:00Z"));
        if (start.isAfter(end)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "from is after to");
        }
        if (simplify != null && !(simplify >= 0)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "simplify is a tolerance in metres, 0 or more");
        }
        long id = shipments.findId(Scope.of(Caller.of(authentication)), ref).orElseThrow(() -> notFound(ref));
        return track.of(id, ref, start, end, simplify, MAX_TRACK_POINTS);
    }

    /** Out of scope and missing look the same: existence is never confirmed. */
    private static HttpStatusException notFound(String ref) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "shipment " + ref + " not found");
    }

    /**
     * A number read as epoch milliseconds can be anything (1e308, 1.5, -1) and still parse: a time outside this
     * century is a mistake, said so rather than stored as 1970.
     */
    private static void plausible(String field, OffsetDateTime time) {
        if (time != null && (time.toInstant().isBefore(EARLIEST) || !time.toInstant().isBefore(LATEST))) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, field + " must fall between " + EARLIEST + " and "
                    + LATEST + " (ISO-8601 with an offset, or epoch milliseconds)");
        }
    }

    private static Instant time(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value))
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    name.toLowerCase(Locale.ROOT) + " must be ISO-8601 with an offset or epoch milliseconds");
        }
    }
}

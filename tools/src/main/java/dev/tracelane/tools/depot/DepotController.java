package dev.tracelane.tools.depot;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Orgs;
import dev.tracelane.tracking.identity.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.util.List;

/**
 * {@code /api/depots}: an org's depots, which the unplanned-stop detector treats as known stops on every
 * shipment the org ships or carries. Coordinators and admins manage their own org's; the platform admin any
 * org's ({@code org} in the body or query).
 */
@Controller("/api/depots")
@Secured({Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class DepotController {
    /** A yard's gate to its far corner; large sites set their own radius. */
    private static final double DEFAULT_RADIUS_METERS = 500;
    private final Depots depots;
    private final Orgs orgs;
    private final Clock clock;

    public DepotController(Depots depots, Orgs orgs, Clock clock) {
        this.depots = depots;
        this.orgs = orgs;
        this.clock = clock;
    }

    @Serdeable
    public record NewDepot(@NotBlank @Size(max = 200) String name,
                           @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                           @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                           @Nullable @DecimalMin("50") @DecimalMax("5000") Double radiusMeters,
                           @Nullable String org) {
    }

    @Get
    public List<Depot> list(@Nullable @QueryValue String org, Authentication authentication) {
        return depots.list(org(Caller.of(authentication), org));
    }

    @Post
    @Status(HttpStatus.CREATED) // so the API description says 201, as the response is
    @Secured({Roles.COORDINATOR, Roles.ADMIN})
    public HttpResponse<Depot> create(@Body @Valid NewDepot request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String org = org(caller, request.org());
        if (!orgs.exists(org)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "org " + org + " does not exist");
        }
        double radius = request.radiusMeters() == null ? DEFAULT_RADIUS_METERS : request.radiusMeters();
        return HttpResponse.created(depots.create(org, request.name().strip(), request.lat(), request.lon(), radius,
                caller.username(), clock.instant()));
    }

    @Delete("/{id}")
    @Secured({Roles.COORDINATOR, Roles.ADMIN})
    public HttpResponse<Void> delete(@PathVariable long id, @Nullable @QueryValue String org,
                                     Authentication authentication) {
        if (!depots.delete(org(Caller.of(authentication), org), id)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "depot " + id + " not found");
        }
        return HttpResponse.noContent();
    }

    private static String org(Caller caller, @Nullable String requested) {
        if (requested == null || requested.equals(caller.org())) {
            return caller.org();
        }
        if (!caller.isPlatformAdmin()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "depots are managed for your own org");
        }
        return requested;
    }
}

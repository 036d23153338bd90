package dev.tracelane.tools.alert;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.shipment.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /api/alerts} (CONTRACT.md, "Shipments"): list in scope (by status, shipment, type), acknowledge. */
@Controller("/api/alerts")
@Secured({Roles.CUSTOMER, Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertController {
    private static final int MAX_LIMIT = 1000;
    private static final Set<String> STATUSES = Set.of("open", "acknowledged", "resolved");
    private final Alerts alerts;
    private final Clock clock;

    public AlertController(Alerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Get
    public List<Alert> list(@Nullable @QueryValue String status, @Nullable @QueryValue String shipment,
                            @Nullable @QueryValue String type, @Nullable @QueryValue String severity,
                            @Nullable @QueryValue Integer limit,
                            Authentication authentication) {
        if (status != null && !STATUSES.contains(status)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "status must be open, acknowledged or resolved");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit must be 1.." + MAX_LIMIT);
        }
        int size = limit == null ? 100 : limit;
        AlertFilter filter = new AlertFilter(status, shipment, type == null ? null : type(type),
                severity == null ? null : severity(severity), null);
        return alerts.list(Scope.of(Caller.of(authentication)), filter, size);
    }

    private static AlertType type(String wire) {
        try {
            return AlertType.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "type must be one of " + Arrays.stream(
                    AlertType.values()).map(AlertType::wire).collect(Collectors.joining(", ")));
        }
    }

    private static Severity severity(String wire) {
        try {
            return Severity.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "severity must be info, warning or critical");
        }
    }

    /** Customers read alerts about their shipments but do not work them. */
    @Post("/{id}/ack")
    @Secured({Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
    public Alert acknowledge(@PathVariable long id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return alerts.acknowledge(Scope.of(caller), id, caller.username(), clock.instant())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "alert " + id + " not found"));
    }
}

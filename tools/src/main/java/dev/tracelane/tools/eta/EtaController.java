package dev.tracelane.tools.eta;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.shipment.Shipments;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/** {@code GET /api/shipments/{ref}/eta} (CONTRACT.md, "Shipments"). */
@Controller("/api/shipments/{ref}/eta")
@Secured({Roles.CUSTOMER, Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class EtaController {
    private final Shipments shipments;
    private final Estimates estimates;

    public EtaController(Shipments shipments, Estimates estimates) {
        this.shipments = shipments;
        this.estimates = estimates;
    }

    /** 404 for a shipment out of scope, and for one that has not reported a position yet. */
    @Get
    public Estimate eta(@PathVariable String ref, Authentication authentication) {
        long id = shipments.findId(Scope.of(Caller.of(authentication)), ref).orElseThrow(
                () -> new HttpStatusException(HttpStatus.NOT_FOUND, "shipment " + ref + " not found"));
        return estimates.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "no ETA for shipment " + ref + " yet: it has not reported a position"));
    }
}

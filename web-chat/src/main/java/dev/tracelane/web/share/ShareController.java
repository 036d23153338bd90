package dev.tracelane.web.share;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Claims;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.shipment.Shipments;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/shares}: a link to the public tracking page for one shipment. Its token is a customer JWT of
 * the shipper limited to that shipment (CONTRACT.md, "Web"), with a subject of its own so each link has its own
 * chat history.
 */
@Controller("/api/shares")
@Secured({Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShareController {
    private static final int DEFAULT_HOURS = 72;
    private final Shipments shipments;
    private final TokenGenerator tokens;
    private final Clock clock;

    public ShareController(Shipments shipments, TokenGenerator tokens, Clock clock) {
        this.shipments = shipments;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @param hours how long the link works, 72 by default, at most 30 days */
    @Serdeable
    public record NewShare(@NotBlank String reference, @Nullable @Min(1) @Max(720) Integer hours) {
    }

    @Serdeable
    public record Share(String reference, String url, String token, Instant expiresAt) {
    }

    @Post
    public HttpResponse<Share> create(@Body @Valid NewShare request, Authentication authentication) {
        long id = shipments.findId(Scope.of(Caller.of(authentication)), request.reference()).orElseThrow(
                () -> new HttpStatusException(HttpStatus.NOT_FOUND, "shipment " + request.reference() + " not found"));
        var shipment = shipments.get(id);
        String reference = shipment.reference();
        Duration life = Duration.ofHours(request.hours() == null ? DEFAULT_HOURS : request.hours());
        Authentication customer = Authentication.build("share-" + UUID.randomUUID(), List.of(Roles.CUSTOMER),
                Map.of(Claims.ORG, shipment.shipper(), Claims.SHIPMENTS, List.of(reference)));
        String token = tokens.generateToken(customer, (int) life.toSeconds()).orElseThrow(
                () -> new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "could not sign the link"));
        String url = "/track/" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "?t=" + token;
        return HttpResponse.created(new Share(reference, url, token, clock.instant().plus(life)));
    }
}

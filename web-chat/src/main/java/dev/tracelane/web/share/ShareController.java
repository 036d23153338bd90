package dev.tracelane.web.share;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Claims;
import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.identity.TokenRevoked;
import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.shipment.Shipments;
import io.micronaut.context.event.ApplicationEventPublisher;
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
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;

import java.math.BigDecimal;
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
 * chat history. {@code GET /api/shares?reference=} lists a shipment's links and {@code DELETE /api/shares/{id}}
 * revokes one: its token is refused from then on ({@link RevokedShareFilter}) and its open sockets close.
 */
@Controller("/api/shares")
@Secured({Roles.SHIPPER, Roles.CARRIER, Roles.COORDINATOR, Roles.SUPPORT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShareController {
    private static final int DEFAULT_HOURS = 72;
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private final Shipments shipments;
    private final Shares shares;
    private final TokenGenerator tokens;
    private final ApplicationEventPublisher<TokenRevoked> revocations;
    private final Clock clock;

    public ShareController(Shipments shipments, Shares shares, TokenGenerator tokens,
                           ApplicationEventPublisher<TokenRevoked> revocations, Clock clock) {
        this.shipments = shipments;
        this.shares = shares;
        this.tokens = tokens;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** @param hours how long the link works, 72 by default, at most 30 days; 1.5 is an hour and a half */
    @Serdeable
    public record NewShare(@NotBlank String reference,
                           @Nullable @DecimalMin("1") @DecimalMax("720") BigDecimal hours) {
    }

    @Serdeable
    public record Share(String id, String reference, String url, String token, Instant expiresAt) {
    }

    @Post
    @Status(HttpStatus.CREATED) // so the API description says 201, as the response is
    public HttpResponse<Share> create(@Body @Valid NewShare request, Authentication authentication) {
        long id = visible(authentication, request.reference());
        var shipment = shipments.get(id);
        String reference = shipment.reference();
        Duration life = request.hours() == null ? Duration.ofHours(DEFAULT_HOURS)
                : Duration.ofSeconds(request.hours().multiply(SECONDS_PER_HOUR).longValue());
        String subject = Shares.SUBJECT_PREFIX + UUID.randomUUID();
        Authentication customer = Authentication.build(subject, List.of(Roles.CUSTOMER),
                Map.of(Claims.ORG, shipment.shipper(), Claims.SHIPMENTS, List.of(reference)));
        String token = tokens.generateToken(customer, (int) life.toSeconds()).orElseThrow(
                () -> new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "could not sign the link"));
        Instant expiresAt = clock.instant().plus(life);
        shares.issued(subject, id, authentication.getName(), expiresAt);
        String url = "/track/" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "?t=" + token;
        return HttpResponse.created(new Share(subject, reference, url, token, expiresAt));
    }

    /** The shipment's links, revoked ones included (with who and when). */
    @Get
    public List<Shares.Link> list(@QueryValue String reference, Authentication authentication) {
        return shares.of(visible(authentication, reference));
    }

    /** Revokes a link of a shipment the caller may see; anything else is "not found". */
    @Delete("/{id}")
    public HttpResponse<?> revoke(@PathVariable String id, Authentication authentication) {
        if (!shares.revoke(id, Scope.of(Caller.of(authentication)), authentication.getName())) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "share link " + id + " not found");
        }
        revocations.publishEvent(new TokenRevoked(id));
        return HttpResponse.noContent();
    }

    private long visible(Authentication authentication, String reference) {
        return shipments.findId(Scope.of(Caller.of(authentication)), reference).orElseThrow(
                () -> new HttpStatusException(HttpStatus.NOT_FOUND, "shipment " + reference + " not found"));
    }
}

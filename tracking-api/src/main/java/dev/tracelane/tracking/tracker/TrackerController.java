package dev.tracelane.tracking.tracker;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Orgs;
import dev.tracelane.tracking.identity.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

@Controller("/api/trackers")
@Secured({Roles.ADMIN, Roles.COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
public class TrackerController {
    private final Trackers trackers;
    private final Orgs orgs;

    public TrackerController(Trackers trackers, Orgs orgs) {
        this.trackers = trackers;
        this.orgs = orgs;
    }

    @Serdeable
    public record NewTracker(@NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
            message = "must be 1-64 letters, digits, '.', '_', ':' or '-'") String id,
                             @NotBlank String org,
                             @Nullable String name) {
    }

    /** The token appears in this response only; it is stored hashed. */
    @Serdeable
    public record IssuedToken(String id, String token) {
    }

    @Post
    @Status(HttpStatus.CREATED) // so the API description says 201, as the response is
    public HttpResponse<IssuedToken> register(@Body @Valid NewTracker request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.org().equals(request.org()) && !caller.isPlatformAdmin()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "trackers are registered for your own org");
        }
        if (!orgs.exists(request.org())) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "org " + request.org() + " does not exist");
        }
        String token = trackers.register(request.id(), request.org(), request.name()).orElseThrow(
                () -> new HttpStatusException(HttpStatus.CONFLICT, "tracker id " + request.id() + " is taken"));
        return HttpResponse.created(new IssuedToken(request.id(), token));
    }
}

package dev.tracelane.tracking.identity;

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

@Controller("/api/orgs")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrgController {
    private final Orgs orgs;

    public OrgController(Orgs orgs) {
        this.orgs = orgs;
    }

    @Serdeable
    public record NewOrg(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
            message = "must be a short slug: lower-case letters, digits and '-'") String id,
                         @NotBlank String name) {
    }

    @Post
    @Status(HttpStatus.CREATED) // so the API description says 201, as the response is
    public HttpResponse<NewOrg> create(@Body @Valid NewOrg org, Authentication authentication) {
        if (!Caller.of(authentication).isPlatformAdmin()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "only a platform admin creates orgs");
        }
        if (!orgs.create(org.id(), org.name())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "org " + org.id() + " exists");
        }
        return HttpResponse.created(org);
    }
}

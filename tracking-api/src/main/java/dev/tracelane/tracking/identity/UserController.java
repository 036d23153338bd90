package dev.tracelane.tracking.identity;

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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;

@Controller("/api/users")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController {
    private final Users users;
    private final Orgs orgs;
    private final PasswordHasher hasher;

    public UserController(Users users, Orgs orgs, PasswordHasher hasher) {
        this.users = users;
        this.orgs = orgs;
        this.hasher = hasher;
    }

    @Serdeable
    public record NewUser(@NotBlank String username,
                          @NotBlank @Size(min = 8, message = "must be at least 8 characters") String password,
                          @NotBlank String org,
                          @NotEmpty Set<String> roles,
                          @Nullable List<String> shipments) {
    }

    @Serdeable
    public record CreatedUser(String username, String org, Set<String> roles, List<String> shipments) {
    }

    @Post
    @Status(HttpStatus.CREATED) // so the API description says 201, as the response is
    public HttpResponse<CreatedUser> create(@Body @Valid NewUser request, Authentication authentication) {
        if (!Caller.of(authentication).administers(request.org())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "an admin creates users of their own org only");
        }
        if (!Roles.USER_ROLES.containsAll(request.roles())) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "roles must be among " + Roles.USER_ROLES);
        }
        if (!orgs.exists(request.org())) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "org " + request.org() + " does not exist");
        }
        List<String> shipments = request.shipments() == null ? List.of() : List.copyOf(request.shipments());
        User user = new User(request.username(), request.org(), hasher.hash(request.password()),
                Set.copyOf(request.roles()), shipments);
        if (!users.create(user)) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "user " + request.username() + " exists");
        }
        return HttpResponse.created(new CreatedUser(user.username(), user.org(), user.roles(), shipments));
    }
}

package dev.tracelane.web.site;

import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.identity.Orgs;
import dev.tracelane.tracking.identity.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/sites}: an org admin registers a site that embeds the widget and the origins it serves. */
@Controller("/api/sites")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SiteController {
    private final Sites sites;
    private final Orgs orgs;

    public SiteController(Sites sites, Orgs orgs) {
        this.sites = sites;
        this.orgs = orgs;
    }

    /** @param org defaults to the admin's own org; a platform admin may name another */
    @Serdeable
    public record NewSite(@NotBlank String name, @NotEmpty List<String> origins, @Nullable String org) {
    }

    @Post
    @Status(HttpStatus.CREATED) // so the API description says 201, as the response is
    public HttpResponse<Site> create(@Body @Valid NewSite request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String org = request.org() == null ? caller.org() : request.org();
        if (!caller.administers(org)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "an admin registers sites of their own org only");
        }
        if (!orgs.exists(org)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "org " + org + " does not exist");
        }
        List<String> origins = new ArrayList<>();
        for (String origin : request.origins()) {
            origins.add(WebOrigin.normalize(origin).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "origin " + origin + " must be scheme://host[:port], http or https, without a path")));
        }
        return HttpResponse.created(sites.create(org, request.name(), origins.stream().distinct().toList()));
    }

    @Get
    public List<Site> list(Authentication authentication) {
        return sites.ofOrg(Caller.of(authentication).org());
    }
}

package dev.tracelane.tracking.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.hateoas.JsonError;
import io.micronaut.http.hateoas.Link;
import io.micronaut.http.hateoas.Resource;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Error bodies as Micronaut writes them (a message, the errors embedded), except that the {@code self} link is
 * the request's path alone: Micronaut's echoed the whole URI, and on {@code /ingest/osmand?token=...} or
 * {@code /api/stream/...?access_token=...} the query is the caller's token.
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
public class PathOnlyErrorResponses implements ErrorResponseProcessor<JsonError> {
    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<JsonError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<JsonError>) response;
        }
        List<Error> errors = context.getErrors();
        JsonError error = new JsonError(errors.size() == 1 ? errors.get(0).getMessage() : response.reason());
        List<Resource> embedded = errors.stream().map(e -> (Resource) new JsonError(e.getMessage())
                .path(e.getPath().orElse(null))).toList();
        error.embedded("errors", embedded);
        error.link(Link.SELF, Link.of(context.getRequest().getPath()));
        return response.body(error).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

package dev.tracelane.tracking.storage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A database that does not answer is a 503 the client may retry, not a 500; a value it refuses (a NUL character
 * in text) is the request's fault, a 400 that says which.
 */
@Produces
@Singleton
@Requires(classes = {StorageException.class, ExceptionHandler.class})
public class StorageExceptionHandler implements ExceptionHandler<StorageException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(StorageExceptionHandler.class);
    private final ErrorResponseProcessor<?> errors;

    public StorageExceptionHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, StorageException exception) {
        Optional<String> refused = RefusedValues.of(exception);
        if (refused.isPresent()) {
            return errors.processResponse(ErrorContext.builder(request).cause(exception)
                    .errorMessage(refused.get()).build(), HttpResponse.badRequest());
        }
        LOG.warn("{}: {}", exception.getMessage(), exception.getCause() == null ? "" : exception.getCause().toString());
        return errors.processResponse(ErrorContext.builder(request).cause(exception)
                        .errorMessage("storage is unavailable, retry later").build(),
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5"));
    }
}

package dev.tracelane.chat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * The chat's refusals as Micronaut's usual error body; a rate-limited caller is told, in {@code Retry-After},
 * to wait out the limit's one-minute window.
 */
@Produces
@Singleton
public class ChatRefusedHandler implements ExceptionHandler<ChatRefusedException, HttpResponse<?>> {
    private static final String WINDOW_SECONDS = "60";
    private final ErrorResponseProcessor<?> errors;

    public ChatRefusedHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ChatRefusedException refused) {
        MutableHttpResponse<?> response = HttpResponse.status(refused.status());
        if (refused.status() == HttpStatus.TOO_MANY_REQUESTS) {
            response.header("Retry-After", WINDOW_SECONDS);
        }
        return errors.processResponse(ErrorContext.builder(request).cause(refused)
                .errorMessage(refused.getMessage()).build(), response);
    }
}

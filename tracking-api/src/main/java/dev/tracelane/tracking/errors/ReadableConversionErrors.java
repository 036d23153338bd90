package dev.tracelane.tracking.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ErrorExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request whose body or parameter cannot be read gets a 400 that says what was expected and where, in the
 * API's words ("request body: expected a number at line 1, column 68"). Micronaut's said which Java types
 * failed to deserialize.
 */
@Singleton
@Produces
@Replaces(ConversionErrorHandler.class)
public class ReadableConversionErrors extends ErrorExceptionHandler<ConversionErrorException> {
    private static final Pattern TYPE = Pattern.compile("value of type `([\\w.$]+)`");
    private static final Pattern TOKEN = Pattern.compile("expected (START_OBJECT|START_ARRAY)");
    /** Micronaut Serde's own words when a field's text does not parse: its type's simple name and the field. */
    private static final Pattern PROPERTY = Pattern.compile("Error decoding property \\[(\\w+) (\\w+)]");
    private static final Pattern WHERE = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("java.lang.Double", "a number"), Map.entry("double", "a number"),
            Map.entry("java.lang.Float", "a number"), Map.entry("java.math.BigDecimal", "a number"),
            Map.entry("java.lang.Integer", "a whole number"), Map.entry("int", "a whole number"),
            Map.entry("java.lang.Long", "a whole number"), Map.entry("long", "a whole number"),
            Map.entry("java.lang.Boolean", "true or false"), Map.entry("boolean", "true or false"),
            Map.entry("java.lang.String", "text"),
            Map.entry("java.time.OffsetDateTime", "an ISO-8601 time or epoch milliseconds"),
            Map.entry("java.time.Instant", "an ISO-8601 time or epoch milliseconds"),
            Map.entry("START_OBJECT", "an object"), Map.entry("START_ARRAY", "a list"));

    public ReadableConversionErrors(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    protected Error error(ConversionErrorException e) {
        boolean body = e.getArgument().getAnnotationMetadata().hasAnnotation(Body.class);
        String subject = body ? "request body" : e.getArgument().getName();
        String message = subject + ": " + describe(detail(e));
        return new Error() {
            @Override
            public String getMessage() {
                return message;
            }

            @Override
            public Optional<String> getPath() {
                return Optional.of("/" + e.getArgument().getName());
            }
        };
    }

    private static String detail(ConversionErrorException e) {
        Throwable cause = e.getConversionError().getCause();
        return cause == null || cause.getMessage() == null ? "" : cause.getMessage();
    }

    /** "expected a number at line 1, column 68", from the innermost type or token that failed. */
    static String describe(String detail) {
        String expected = null;
        Matcher type = TYPE.matcher(detail);
        while (type.find()) {
            expected = type.group(1);
        }
        Matcher token = TOKEN.matcher(detail);
        if (token.find()) {
            expected = token.group(1);
        }
        Matcher property = PROPERTY.matcher(detail);
        String field = null;
        if (property.find()) {
            field = property.group(2);
            if (expected == null) {
                String simple = property.group(1);
                expected = EXPECTED.keySet().stream().filter(k -> k.endsWith("." + simple)).findFirst().orElse(null);
            }
        }
        String what = expected == null ? "could not be read"
                : "expected " + EXPECTED.getOrDefault(expected, "an object") + (field == null ? "" : " for " + field);
        Matcher where = WHERE.matcher(detail);
        return where.find() ? what + " at line " + where.group(1) + ", column " + where.group(2) : what;
    }
}

package io.credbridge.ops;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The request mistakes every CredBridge API answers alike, as RFC 9457 problem details naming the field or
 * parameter at fault: a body that breaks its constraints or cannot be read, a missing or mistyped parameter, a media
 * type the endpoint does not take. Each feature's own advice (ordered first) answers only its domain's problems; this
 * one comes before Spring's generic problem-details handler, whose answers do not say which field is wrong.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@RestControllerAdvice(basePackages = "io.credbridge")
class RequestProblems {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        return ProblemDetails.invalidFields(e);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        return ProblemDetails.invalidParameters(e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetails.unreadableBody(e);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return parameter(e.getParameterName(), "is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mistyped(MethodArgumentTypeMismatchException e) {
        return parameter(e.getName(), "must be " + expected(e.getRequiredType()) + " (was '" + e.getValue() + "')");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class;
        return whole ? "a whole number" : "a " + type.getSimpleName();
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        List<MediaType> supported = e.getSupportedMediaTypes();
        return ProblemDetails.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "this endpoint takes " + (supported.isEmpty() ? "application/json" : MediaType.toString(supported))
                        + ", not " + e.getContentType());
    }

    private static ProblemDetail parameter(String name, String detail) {
        return ProblemDetails.invalidInput(List.of(Map.of("pointer", "/" + name, "detail", name + " " + detail)));
    }
}

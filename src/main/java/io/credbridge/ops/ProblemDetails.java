package io.credbridge.ops;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;

/** RFC 9457 problem details as every CredBridge API answers them: a status, a CredBridge type URN, a detail. */
public final class ProblemDetails {

    private ProblemDetails() {}

    /** @param type the problem's short name, e.g. {@code award-not-found} ({@code urn:credbridge:problem:<type>}) */
    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:credbridge:problem:" + type));
        return problem;
    }

    /** A 400 {@code invalid-input} listing every problem, each with the JSON pointer of its field and a detail. */
    public static ProblemDetail invalidInput(List<Map<String, String>> errors) {
        ProblemDetail problem = of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                errors.size() + " problem(s) found in the request; nothing was changed");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A 400 {@code invalid-input} for a request body that broke its constraints, one error per field. */
    public static ProblemDetail invalidFields(MethodArgumentNotValidException e) {
        return invalidInput(e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "pointer",
                        "/" + error.getField(),
                        "detail",
                        error.getField() + " " + error.getDefaultMessage()))
                .toList());
    }

    /** A 400 {@code invalid-input} for request parameters that broke their constraints, one error per parameter. */
    public static ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        return invalidInput(e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> {
                    String name = result.getMethodParameter().getParameterName();
                    return Map.of("pointer", "/" + name, "detail", name + " " + error.getDefaultMessage());
                }))
                .toList());
    }

    /**
     * A 400 for a JSON body that cannot be read: naming the field (JSON pointer) where the parser knows it, e.g. a
     * string where a number belongs; else saying what the parser could not read.
     */
    public static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String pointer = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            return invalidInput(List.of(
                    Map.of("pointer", pointer, "detail", pointer.substring(1) + ": " + jackson.getOriginalMessage())));
        }
        String detail =
                cause.getMessage() == null ? "the body is not the JSON this endpoint takes" : cause.getMessage();
        return of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "the request body cannot be read: " + detail.lines().findFirst().orElse(detail));
    }
}

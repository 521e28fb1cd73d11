package io.credbridge.transcript;

import io.credbridge.ops.ProblemDetails;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * RFC 9457 problem details for the review queue API: 404 for an unknown entry, 409 for an entry not in a state
 * that allows the action, 400 naming the field at fault. It comes before Spring's generic problem-details handler,
 * whose answers do not say which field is wrong.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = TranscriptReviewController.class)
class TranscriptApiProblems {

    @ExceptionHandler(TranscriptReview.EntryNotFoundException.class)
    ProblemDetail notFound(TranscriptReview.EntryNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, "transcript-entry-not-found", e.getMessage());
    }

    @ExceptionHandler(TranscriptReview.EntryStateException.class)
    ProblemDetail wrongState(TranscriptReview.EntryStateException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, "transcript-entry-state", e.getMessage());
    }

    @ExceptionHandler(ReviewStatuses.UnknownStatusException.class)
    ProblemDetail unknownStatus(ReviewStatuses.UnknownStatusException e) {
        return ProblemDetails.invalidInput(List.of(Map.of("pointer", "/status", "detail", e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        return ProblemDetails.invalidFields(e);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        return ProblemDetails.invalidParameters(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mistyped(MethodArgumentTypeMismatchException e) {
        return ProblemDetails.invalidInput(List.of(Map.of(
                "pointer",
                "/" + e.getName(),
                "detail",
                e.getName() + " must be a whole number (was '" + e.getValue() + "')")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetails.unreadableBody(e);
    }
}

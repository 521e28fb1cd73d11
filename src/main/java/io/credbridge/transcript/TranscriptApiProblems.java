package io.credbridge.transcript;

import io.credbridge.ops.ProblemDetails;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the review queue API: 404 for an unknown entry, 409 for an entry not in a state
 * that allows the action. Request mistakes common to every API (bad fields,
 * unreadable bodies, parameters) are answered by {@code ops.RequestProblems}.
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
}

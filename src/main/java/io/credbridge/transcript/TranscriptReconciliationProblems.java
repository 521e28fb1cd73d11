package io.credbridge.transcript;

import io.credbridge.ops.ProblemDetails;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for reconciliation: 404 for a target that is not configured (naming the one that is),
 * 409 for a target that cannot read back (saying what to configure), 503 when the SIS cannot be reached now and
 * 502 when it refuses to answer the read, each with the SIS's words.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = TranscriptReconciliationController.class)
class TranscriptReconciliationProblems {

    @ExceptionHandler(TranscriptReconciliation.UnknownTargetException.class)
    ProblemDetail unknownTarget(TranscriptReconciliation.UnknownTargetException e) {
        ProblemDetail problem = ProblemDetails.of(HttpStatus.NOT_FOUND, "transcript-target-not-found", e.getMessage());
        problem.setProperty("configuredTargets", e.configured());
        return problem;
    }

    @ExceptionHandler(TranscriptReconciliation.CannotReadBackException.class)
    ProblemDetail cannotReadBack(TranscriptReconciliation.CannotReadBackException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, "transcript-read-back-unavailable", e.getMessage());
    }

    @ExceptionHandler(TransientSisFailure.class)
    ProblemDetail unreachable(TransientSisFailure e) {
        return ProblemDetails.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "sis-unavailable",
                "the SIS could not be read now, try again later: " + e.getMessage());
    }

    @ExceptionHandler(PermanentSisRejection.class)
    ProblemDetail refused(PermanentSisRejection e) {
        return ProblemDetails.of(
                HttpStatus.BAD_GATEWAY,
                "sis-refused-read-back",
                "the SIS refused to answer the read (HTTP " + e.status() + "): " + e.sisMessage());
    }
}

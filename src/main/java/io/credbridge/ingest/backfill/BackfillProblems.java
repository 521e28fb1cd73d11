package io.credbridge.ingest.backfill;

import io.credbridge.ops.ProblemDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the backfill API, naming the line and column at fault. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = BackfillController.class)
class BackfillProblems {

    @ExceptionHandler(Backfills.InvalidBackfillFileException.class)
    ProblemDetail invalidFile(Backfills.InvalidBackfillFileException e) {
        Backfills.Check check = e.check();
        ProblemDetail problem = ProblemDetails.of(
                HttpStatus.BAD_REQUEST,
                "invalid-backfill-file",
                check.badRows() + " of " + check.rows() + " row(s) cannot be backfilled"
                        + (check.listed().size() < check.badRows() ? " (the first are listed)" : "")
                        + "; nothing was sent. Fix them, or send ?invalid=skip to leave them out");
        problem.setProperty("errors", errors(check.listed()));
        return problem;
    }

    @ExceptionHandler(BackfillRows.UnreadableHeaderException.class)
    ProblemDetail unreadableHeader(BackfillRows.UnreadableHeaderException e) {
        ProblemDetail problem = ProblemDetails.of(
                HttpStatus.BAD_REQUEST,
                "invalid-backfill-file",
                "the header does not fit the layout; nothing was sent");
        problem.setProperty("errors", errors(e.problems()));
        return problem;
    }

    @ExceptionHandler(Backfills.UnknownLayoutException.class)
    ProblemDetail unknownLayout(Backfills.UnknownLayoutException e) {
        return ProblemDetails.invalidInput(List.of(Map.of("pointer", "/layout", "detail", e.getMessage())));
    }

    @ExceptionHandler(BackfillController.BadParameterException.class)
    ProblemDetail badParameter(BackfillController.BadParameterException e) {
        return ProblemDetails.invalidInput(List.of(Map.of("pointer", "/invalid", "detail", e.getMessage())));
    }

    @ExceptionHandler(BackfillController.UnsupportedUploadTypeException.class)
    ProblemDetail unsupportedUpload(BackfillController.UnsupportedUploadTypeException e) {
        return ProblemDetails.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", e.getMessage());
    }

    @ExceptionHandler(BackfillController.JobNotFoundException.class)
    ProblemDetail notFound(BackfillController.JobNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, "backfill-job-not-found", e.getMessage());
    }

    @ExceptionHandler(BackfillController.NotRerunnableException.class)
    ProblemDetail notRerunnable(BackfillController.NotRerunnableException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, "backfill-job-not-rerunnable", e.getMessage());
    }

    static List<Map<String, Object>> errors(List<LineProblem> problems) {
        return problems.stream()
                .map(problem -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("line", problem.line());
                    if (problem.column() != null) {
                        error.put("column", problem.column());
                    }
                    error.put("detail", problem.describe());
                    return error;
                })
                .toList();
    }
}

package io.credbridge.identity;

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

/**
 * RFC 9457 problem details for the identity API, naming the line and column or the field at fault. Request mistakes
 * common to every API (bad fields, unreadable bodies, parameters) are answered by {@code ops.RequestProblems}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = IdentityMappingController.class)
class IdentityApiProblems {

    @ExceptionHandler(MappingCsv.InvalidMappingFileException.class)
    ProblemDetail invalidFile(MappingCsv.InvalidMappingFileException e) {
        List<Map<String, Object>> errors = e.problems().stream()
                .map(problem -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("line", problem.line());
                    if (problem.column() != null) {
                        error.put("column", problem.column());
                    }
                    error.put(
                            "detail",
                            "line " + problem.line() + (problem.column() == null ? "" : ", " + problem.column()) + ": "
                                    + problem.detail());
                    return error;
                })
                .toList();
        long lines = e.problems().stream()
                .mapToLong(MappingCsv.LineProblem::line)
                .distinct()
                .count();
        ProblemDetail problem = ProblemDetails.of(
                HttpStatus.BAD_REQUEST,
                "invalid-mapping-file",
                e.problems().size() + " problem(s) on " + lines + " line(s); nothing from the file was stored");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return ProblemDetails.invalidInput(e.problems().stream()
                .map(problem -> Map.of("pointer", problem.pointer(), "detail", problem.detail()))
                .toList());
    }

    @ExceptionHandler(CsvUpload.UnsupportedUploadTypeException.class)
    ProblemDetail unsupportedUpload(CsvUpload.UnsupportedUploadTypeException e) {
        return ProblemDetails.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", e.getMessage());
    }

    @ExceptionHandler(IdentityViews.MappingNotFoundException.class)
    ProblemDetail notFound(IdentityViews.MappingNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, "mapping-not-found", e.getMessage());
    }
}

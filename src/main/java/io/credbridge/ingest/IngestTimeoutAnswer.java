package io.credbridge.ingest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

/**
 * A request still waiting for Kafka when the servlet's async timeout ends it (the broker down, and the producer
 * waiting for the topic's metadata send after send) is answered like any other "try later": 503 with Retry-After and
 * a problem that says so, instead of Spring's bare 503, which a sender may take as final. Events of the request that
 * Kafka takes after all count once when they are sent again, since their ids are kept.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestTimeoutAnswer {

    static final String RETRY_AFTER_SECONDS = "5";

    private final IngestProblems problems;

    IngestTimeoutAnswer(IngestProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ResponseEntity<String> timedOut() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.timedOut());
    }
}

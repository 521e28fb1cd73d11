package io.credbridge.deadletter;

import io.credbridge.audit.AuditTrail;
import io.credbridge.ops.ProblemDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin API over dead letters: list, inspect, replay. */
@RestController
@Validated
@RequestMapping("/api/dead-letters")
class DeadLetterController {

    private final DeadLetterStore store;
    private final DeadLetterReplay replay;
    private final AuditTrail audit;

    DeadLetterController(DeadLetterStore store, DeadLetterReplay replay, AuditTrail audit) {
        this.store = store;
        this.replay = replay;
        this.audit = audit;
    }

    @GetMapping
    List<DeadLetterView> list(
            @RequestParam(defaultValue = "NEW") DeadLetterEntry.Status status,
            @RequestParam(defaultValue = "100")
                    @jakarta.validation.constraints.Min(1)
                    @jakarta.validation.constraints.Max(1000)
                    int limit) {
        return store.list(status, limit).stream().map(DeadLetterView::of).toList();
    }

    @GetMapping("/{deadLetterId}")
    DeadLetterView one(@PathVariable String deadLetterId) {
        return store.find(deadLetterId)
                .map(DeadLetterView::of)
                .orElseThrow(() -> new DeadLetterReplay.DeadLetterNotFoundException(deadLetterId));
    }

    /** The body is optional: {@code {"reason": "..."}} says why, for the audit trail. */
    @PostMapping("/{deadLetterId}/replay")
    DeadLetterView replay(
            @PathVariable String deadLetterId, @Valid @RequestBody(required = false) ReplayRequest request) {
        DeadLetterEntry replayed = replay.replay(deadLetterId);
        audit.record(
                "dead-letter.replay",
                deadLetterId,
                request == null ? null : request.reason(),
                replayed.stage().code() + " dead letter of event " + replayed.eventId() + " replayed");
        return DeadLetterView.of(replayed);
    }

    /** @param reason why it is replayed now, e.g. the fix that makes it go through */
    record ReplayRequest(@Size(max = 1000) String reason) {}

    @ExceptionHandler(DeadLetterReplay.DeadLetterNotFoundException.class)
    ProblemDetail notFound(DeadLetterReplay.DeadLetterNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, "dead-letter-not-found", e.getMessage());
    }

    @ExceptionHandler(DeadLetterReplay.NotReplayableException.class)
    ProblemDetail notReplayable(DeadLetterReplay.NotReplayableException e) {
        return ProblemDetails.of(HttpStatus.UNPROCESSABLE_CONTENT, "dead-letter-not-replayable", e.getMessage());
    }

    @ExceptionHandler(DeadLetterReplay.AlreadyReplayedException.class)
    ProblemDetail alreadyReplayed(DeadLetterReplay.AlreadyReplayedException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, "dead-letter-already-replayed", e.getMessage());
    }

    /**
     * A dead letter as the API shows it. The payload is base64; {@code payloadText} repeats it as text when it is
     * JSON, so an operator can read it without decoding.
     */
    record DeadLetterView(
            String deadLetterId,
            String stage,
            String status,
            String reason,
            String errorType,
            String eventId,
            String source,
            String originTopic,
            Integer originPartition,
            Long originOffset,
            String originKey,
            Instant createdAt,
            Instant replayedAt,
            String payloadContentType,
            String payloadBase64,
            String payloadText) {

        static DeadLetterView of(DeadLetterEntry entry) {
            boolean text = entry.payloadContentType().startsWith("application/json");
            return new DeadLetterView(
                    entry.deadLetterId(),
                    entry.stage().code(),
                    entry.status().name(),
                    entry.reason(),
                    entry.errorType(),
                    entry.eventId(),
                    entry.source(),
                    entry.originTopic(),
                    entry.originPartition(),
                    entry.originOffset(),
                    entry.originKey(),
                    entry.createdAt(),
                    entry.replayedAt(),
                    entry.payloadContentType(),
                    Base64.getEncoder().encodeToString(entry.payload()),
                    text ? new String(entry.payload(), StandardCharsets.UTF_8) : null);
        }
    }
}

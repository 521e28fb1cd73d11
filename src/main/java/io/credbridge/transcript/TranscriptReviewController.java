package io.credbridge.transcript;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registrar's review queue: what waits, what failed, what was decided, and the decisions themselves. */
@RestController
@RequestMapping("/api/transcript/entries")
class TranscriptReviewController {

    private final TranscriptReview review;

    TranscriptReviewController(TranscriptReview review) {
        this.review = review;
    }

    /** Oldest first, at most {@code limit}; every status when none is given. */
    @GetMapping
    EntriesView list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return new EntriesView(review.list(ReviewStatuses.parse(status), limit).stream()
                .map(entry -> EntryView.of(entry, null))
                .toList());
    }

    /** One entry with its history: every status it took, by whom and when. */
    @GetMapping("/{entryId}")
    EntryView get(@PathVariable String entryId) {
        return EntryView.of(review.find(entryId), review.history(entryId));
    }

    @PostMapping("/{entryId}/approve")
    EntryView approve(@PathVariable String entryId, @Valid @RequestBody ApproveRequest request) {
        return EntryView.of(review.approve(entryId, request.actor()), review.history(entryId));
    }

    @PostMapping("/{entryId}/reject")
    EntryView reject(@PathVariable String entryId, @Valid @RequestBody RejectRequest request) {
        return EntryView.of(review.reject(entryId, request.reason(), request.actor()), review.history(entryId));
    }

    /** @param actor who approves (a name from the request until the admin API authenticates its callers) */
    record ApproveRequest(
            @NotBlank(message = "must name who approves the entry") @Size(max = 255)
            String actor) {}

    /**
     * @param reason why the entry stays off the transcript, in the registrar's words
     * @param actor who rejects it
     */
    record RejectRequest(
            @NotBlank(message = "must say why the entry is rejected") @Size(max = 1000)
            String reason,

            @NotBlank(message = "must name who rejects the entry") @Size(max = 255)
            String actor) {}

    record EntriesView(List<EntryView> entries) {}

    record EntryView(
            String id,
            String awardId,
            String action,
            String learnerId,
            String credentialId,
            String status,
            String sisMessage,
            String note,
            String decidedBy,
            Instant decidedAt,
            Instant createdAt,
            Instant updatedAt,
            List<ReviewedEntry.Step> history) {

        static EntryView of(ReviewedEntry entry, List<ReviewedEntry.Step> history) {
            return new EntryView(
                    entry.entryId(),
                    entry.awardId(),
                    entry.action().name(),
                    entry.learnerId(),
                    entry.credentialId(),
                    entry.status().name(),
                    entry.sisMessage(),
                    entry.note(),
                    entry.decidedBy(),
                    entry.decidedAt(),
                    entry.createdAt(),
                    entry.updatedAt(),
                    history);
        }
    }
}

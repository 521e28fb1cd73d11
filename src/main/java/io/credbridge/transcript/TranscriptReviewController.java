package io.credbridge.transcript;

import io.credbridge.audit.AuditTrail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private final TranscriptSisRecords sisRecords;
    private final AuditTrail audit;

    TranscriptReviewController(TranscriptReview review, TranscriptSisRecords sisRecords, AuditTrail audit) {
        this.review = review;
        this.sisRecords = sisRecords;
        this.audit = audit;
    }

    /** Oldest first, at most {@code limit}; every status when none is given. */
    @GetMapping
    EntriesView list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<ReviewedEntry> entries = review.list(ReviewStatuses.parse(status), limit);
        Map<String, String> ids =
                sisRecords.idsOf(entries.stream().map(ReviewedEntry::entryKey).toList());
        return new EntriesView(entries.stream()
                .map(entry -> EntryView.of(entry, ids.get(entry.entryKey()), null))
                .toList());
    }

    /** One entry with its history: every status it took, by whom and when. */
    @GetMapping("/{entryId}")
    EntryView get(@PathVariable String entryId) {
        return view(review.find(entryId));
    }

    /** Decided in the name of the authenticated caller; a body, if any, is not read. */
    @PostMapping("/{entryId}/approve")
    EntryView approve(@PathVariable String entryId) {
        ReviewedEntry approved = review.approve(entryId, audit.actor().name());
        audit.record("transcript.approve", entryId, null, outcome(approved));
        return view(approved);
    }

    @PostMapping("/{entryId}/reject")
    EntryView reject(@PathVariable String entryId, @Valid @RequestBody RejectRequest request) {
        ReviewedEntry rejected =
                review.reject(entryId, request.reason(), audit.actor().name());
        audit.record("transcript.reject", entryId, request.reason(), outcome(rejected));
        return view(rejected);
    }

    private EntryView view(ReviewedEntry entry) {
        return EntryView.of(
                entry,
                sisRecords.idsOf(List.of(entry.entryKey())).get(entry.entryKey()),
                review.history(entry.entryId()));
    }

    private static String outcome(ReviewedEntry entry) {
        return entry.action() + " of award " + entry.awardId() + " (" + entry.credentialId() + ") is now "
                + entry.status();
    }

    /** @param reason why the entry stays off the transcript, in the registrar's words */
    record RejectRequest(
            @NotBlank(message = "must say why the entry is rejected") @Size(max = 1000)
            String reason) {}

    record EntriesView(List<EntryView> entries) {}

    /**
     * @param sisRecordId the id the SIS knows the entry's record by (Ethos GUID, the id a REST API answered, import
     *     file#record number), once written; null before, and when the SIS names no record
     */
    record EntryView(
            String id,
            String awardId,
            String action,
            String learnerId,
            String credentialId,
            String status,
            String sisMessage,
            String sisRecordId,
            String note,
            String decidedBy,
            Instant decidedAt,
            Instant createdAt,
            Instant updatedAt,
            List<ReviewedEntry.Step> history) {

        static EntryView of(ReviewedEntry entry, String sisRecordId, List<ReviewedEntry.Step> history) {
            return new EntryView(
                    entry.entryId(),
                    entry.awardId(),
                    entry.action().name(),
                    entry.learnerId(),
                    entry.credentialId(),
                    entry.status().name(),
                    entry.sisMessage(),
                    sisRecordId,
                    entry.note(),
                    entry.decidedBy(),
                    entry.decidedAt(),
                    entry.createdAt(),
                    entry.updatedAt(),
                    history);
        }
    }
}

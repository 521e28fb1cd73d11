package io.credbridge.transcript;

import java.time.Instant;

/**
 * A transcript entry in the registrar's review queue.
 *
 * @param entryKey the entry's idempotency key, award id / action
 * @param payload the award change it writes, as the outbox carries it, so an approval sends exactly that
 * @param sisMessage what the SIS said when it last refused the entry; null when it never did
 * @param note why it is in the queue, or the registrar's reason for rejecting it
 * @param decidedBy who last approved or rejected it; null until someone did
 */
public record ReviewedEntry(
        String entryId,
        String entryKey,
        String awardId,
        TranscriptEntry.Action action,
        String learnerId,
        String credentialId,
        ReviewStatus status,
        String payload,
        String sisMessage,
        String note,
        String decidedBy,
        Instant decidedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** One step of an entry's history: it entered a status, by whose hand (null for CredBridge or the SIS), why. */
    public record Step(ReviewStatus status, String actor, String note, Instant at) {}
}

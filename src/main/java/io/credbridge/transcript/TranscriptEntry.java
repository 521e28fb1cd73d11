package io.credbridge.transcript;

import io.credbridge.award.AwardChange;
import io.credbridge.ops.LearnerRef;
import java.time.Instant;
import java.util.List;

/** One line on a learner's transcript. {@code (awardId, action)} identifies it: writing it twice changes nothing. */
public record TranscriptEntry(
        String awardId,
        Action action,
        String learnerId,
        String credentialId,
        int credentialVersion,
        String credentialName,
        String credentialKind,
        String issuerId,
        String issuerName,
        Instant earnedAt,
        Instant awardedAt,
        List<String> evidenceEventIds,
        String source,
        String sisPersonId) {

    public TranscriptEntry {
        evidenceEventIds = List.copyOf(evidenceEventIds);
    }

    /** The row's action: the award was issued, or it ended (revoked by the registrar, or expired). */
    public enum Action {
        ISSUED,
        REVOKED,
        EXPIRED
    }

    public static TranscriptEntry of(AwardChange award) {
        return new TranscriptEntry(
                award.awardId(),
                Action.valueOf(award.action().name()),
                award.learnerId(),
                award.credentialId(),
                award.credentialVersion(),
                award.credentialName(),
                award.credentialKind(),
                award.issuerId(),
                award.issuerName(),
                award.earnedAt(),
                award.awardedAt(),
                award.evidenceEventIds(),
                award.source(),
                award.sisPersonId());
    }

    public String idempotencyKey() {
        return awardId + "/" + action;
    }

    /** The ids a SIS may quote this entry's learner by, to be hidden where it does (see {@link SisResponses}). */
    public List<LearnerRef> learners() {
        return LearnerRef.both(learnerId, sisPersonId);
    }
}

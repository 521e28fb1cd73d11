package io.credbridge.transcript;

import io.credbridge.award.AwardIssued;
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
        String source) {

    public TranscriptEntry {
        evidenceEventIds = List.copyOf(evidenceEventIds);
    }

    public enum Action {
        ISSUED
    }

    public static TranscriptEntry issued(AwardIssued award) {
        return new TranscriptEntry(
                award.awardId(),
                Action.ISSUED,
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
                award.source());
    }

    public String idempotencyKey() {
        return awardId + "/" + action;
    }
}

package io.credbridge.award;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.credbridge.catalog.Criterion;
import io.credbridge.catalog.Recognition;
import io.credbridge.catalog.TranscriptPolicy;
import java.time.Instant;
import java.util.List;

/**
 * The outbox payload announcing a change in an award's life (issued, revoked, expired) to the SIS adapter and
 * the badge publisher. It snapshots the credential definition, so a delivery made after a catalog change still
 * says what was awarded. Its JSON form is private to CredBridge (the public contract is the Avro
 * BadgeIssuance), hence its own fixed mapper. Payloads written before actions existed read as ISSUED.
 *
 * @param reason why the award ended (REVOKED, EXPIRED); null for ISSUED
 * @param changedAt when the award took this state
 * @param sisPersonId the learner's SIS person id when known; null otherwise (and in payloads written before it)
 * @param transcript the credential's transcript policy when the change was made; {@code auto} in payloads written
 *     before policies existed
 * @param recognition the definition's level, competencies, credit and EU elements under the award's version; null in
 *     payloads written before it travelled
 * @param expiresAt when the award stops holding, from its definition's validity; null when it never expires
 * @param suspendable whether the definition lets a registrar suspend the award, so that its credential names a
 *     suspension list too; false in payloads written before suspension existed
 * @param gradeAchieved the score of the one assessment criterion the award was earned through; null when the award has no
 *     grade, and in payloads written before grades travelled
 */
public record AwardChange(
        Action action,
        String awardId,
        String learnerId,
        String credentialId,
        int credentialVersion,
        String credentialName,
        String credentialDescription,
        String credentialKind,
        String issuerId,
        String issuerName,
        List<String> criteria,
        Instant awardedAt,
        Instant earnedAt,
        List<String> evidenceEventIds,
        String source,
        Instant eventReceivedAt,
        String reason,
        Instant changedAt,
        String sisPersonId,
        TranscriptPolicy transcript,
        Recognition recognition,
        Instant expiresAt,
        boolean suspendable,
        GradeAchieved gradeAchieved) {

    /**
     * What happened to the award. SUSPENDED and REINSTATED only change the credential's status: the award stays
     * held, and the SIS is not told.
     */
    public enum Action {
        ISSUED,
        REVOKED,
        EXPIRED,
        SUSPENDED,
        REINSTATED;

        /** Whether the change is a suspension or its end, which only the badge side hears of. */
        public boolean isSuspension() {
            return this == SUSPENDED || this == REINSTATED;
        }
    }

    public AwardChange {
        action = action == null ? Action.ISSUED : action;
        changedAt = changedAt == null ? awardedAt : changedAt;
        transcript = transcript == null ? TranscriptPolicy.AUTO : transcript;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static AwardChange of(Award award) {
        return of(award, Action.ISSUED, null, award.awardedAt());
    }

    public static AwardChange of(Award award, Action action, String reason, Instant changedAt) {
        return new AwardChange(
                action,
                award.awardId(),
                award.learnerId(),
                award.credential().id(),
                award.credential().version(),
                award.credential().name(),
                award.credential().description(),
                award.credential().kind().code(),
                award.credential().issuer().id(),
                award.credential().issuer().name(),
                award.credential().criteria().stream().map(Criterion::narrative).toList(),
                award.awardedAt(),
                award.earnedAt(),
                award.evidenceEventIds(),
                award.triggeredBy().source(),
                award.triggeredBy().receivedAt(),
                reason,
                changedAt,
                award.sisPersonId(),
                award.credential().transcript(),
                award.credential().recognition(),
                award.expiresAt().orElse(null),
                award.credential().suspendable(),
                award.gradeAchieved());
    }

    /** The outbox event type: {@code award.issued}, {@code award.revoked}, {@code award.suspended} and so on. */
    public String eventType() {
        return "award." + action.name().toLowerCase(java.util.Locale.ROOT);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize award " + awardId, e);
        }
    }

    public static AwardChange fromJson(String json) {
        try {
            return JSON.readValue(json, AwardChange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an award change payload: " + e.getOriginalMessage(), e);
        }
    }
}

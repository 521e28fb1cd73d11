package io.credbridge.award;

import java.time.Instant;
import java.util.List;

/**
 * An award as stored: what the awards API returns.
 *
 * @param status ACTIVE, REVOKED or EXPIRED
 * @param expiresAt when the award's validity ends; null when it never does
 * @param endedAt when it was revoked or expired; null while active
 * @param endReason why it ended
 * @param endedBy who revoked it (the actor named in the request), or CredBridge for an expiry
 * @param basis EARNED from learning events, or granted: MANUAL or PRIOR_LEARNING
 * @param grantedBy who granted it, for a grant
 * @param grantReason why it was granted, for a grant
 * @param gradeAchieved the score of the one assessment criterion the award was earned through; null when none
 */
public record AwardRecord(
        String awardId,
        String learnerId,
        String credentialId,
        int credentialVersion,
        String status,
        Instant awardedAt,
        Instant earnedAt,
        List<String> evidenceEventIds,
        Instant expiresAt,
        Instant endedAt,
        String endReason,
        String endedBy,
        String basis,
        String grantedBy,
        String grantReason,
        String sisPersonId,
        GradeAchieved gradeAchieved) {}

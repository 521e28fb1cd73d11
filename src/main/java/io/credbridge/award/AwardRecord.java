package io.credbridge.award;

import java.time.Instant;
import java.util.List;

/** An award as stored: what the awards API returns. */
public record AwardRecord(
        String awardId,
        String learnerId,
        String credentialId,
        int credentialVersion,
        String status,
        Instant awardedAt,
        Instant earnedAt,
        List<String> evidenceEventIds) {}

package io.credbridge.award;

import io.credbridge.catalog.CredentialDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A credential awarded to a learner under one version of its definition.
 *
 * @param earnedAt when the learner met the last requirement (the latest evidence's occurred-at)
 * @param triggeredBy the event that completed the criteria; its source and arrival time travel with the award
 * @param sisPersonId the learner's SIS person id when it is known (from the identity mapping), else null
 * @param gradeAchieved the score of the one assessment criterion the award was earned through; null when none
 */
public record Award(
        String awardId,
        String learnerId,
        CredentialDefinition credential,
        Instant awardedAt,
        Instant earnedAt,
        List<String> evidenceEventIds,
        Trigger triggeredBy,
        String sisPersonId,
        GradeAchieved gradeAchieved) {

    public Award {
        evidenceEventIds = List.copyOf(evidenceEventIds);
    }

    /** The award as the learner's progress holds it, for the credentials stacked on it. */
    HeldAward held() {
        return heldAs(true);
    }

    /** @param earned false for a registrar's grant: the criteria did not earn it, so they cannot take it back */
    HeldAward heldAs(boolean earned) {
        return new HeldAward(
                awardId, new Evidence(evidenceEventIds, earnedAt), expiresAt().orElse(null), earned);
    }

    /** When the award stops holding, as its credential's validity says; empty when it never expires. */
    public Optional<Instant> expiresAt() {
        return credential.expiryFor(earnedAt);
    }

    public record Trigger(String eventId, String source, Instant receivedAt) {}
}

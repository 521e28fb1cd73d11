package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import java.time.Instant;

/**
 * The outbox payload of an award that ended: the stored award with its credential's definition, so the SIS row
 * and the badge event describe what ended exactly as the ISSUED ones described what was awarded.
 */
final class EndedAwards {

    private EndedAwards() {}

    /** @throws IllegalStateException when the credential is no longer in the catalog */
    static AwardChange change(
            AwardRecord award,
            CredentialCatalog catalog,
            AwardChange.Action action,
            String reason,
            String source,
            Instant at) {
        CredentialDefinition definition = catalog.find(award.credentialId(), award.credentialVersion())
                .or(() -> catalog.find(award.credentialId()))
                .orElseThrow(() -> new IllegalStateException("credential " + award.credentialId() + " of award "
                        + award.awardId() + " is no longer in the catalog; put its definition back to end it"));
        Award snapshot = new Award(
                award.awardId(),
                award.learnerId(),
                definition,
                award.awardedAt(),
                award.earnedAt(),
                award.evidenceEventIds(),
                new Award.Trigger(null, source, at));
        return AwardChange.of(snapshot, action, reason, at);
    }
}

package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** What revoking one award takes with it, decided over the learner's progress in memory. */
final class RevocationCascade {

    private final CredentialCatalog catalog;

    RevocationCascade(CredentialCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Decides, in the learner's progress only, what a revocation of the award takes with it: the award itself
     * first, then every award stacked on it whose criteria no longer hold, to any depth. Nothing is written: the
     * award stage writes a batch's awards and endings in the order they happened.
     */
    List<Revocation> of(String awardId, String credentialId, LearnerProgress learner, String reason, Instant now) {
        List<Revocation> revoked = new ArrayList<>(List.of(new Revocation(awardId, credentialId, reason)));
        learner.release(credentialId);
        Deque<String> ended = new ArrayDeque<>(List.of(credentialId));
        while (!ended.isEmpty()) {
            String credential = ended.poll();
            for (CredentialDefinition stacked : catalog.credentialsStackedOn(credential)) {
                String stackedAwardId =
                        learner.heldAward(stacked.id()).map(HeldAward::awardId).orElse(null);
                if (stackedAwardId == null
                        || CriteriaEvaluation.evaluate(stacked.allCriteria(), learner, now)
                                .isPresent()) {
                    continue;
                }
                revoked.add(new Revocation(
                        stackedAwardId, stacked.id(), "stacked on " + credential + ", which was revoked: " + reason));
                learner.release(stacked.id());
                ended.add(stacked.id());
            }
        }
        return revoked;
    }

    /** An award a revocation ends, and why. */
    record Revocation(String awardId, String credentialId, String reason) {}
}

package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.OutboxStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How an award ends, whoever ends it (the registrar, a voided statement, the expiry sweep): the award and, for a
 * revocation, every award stacked on it whose criteria no longer hold, to any depth; then the outbox rows that
 * tell the SIS and the badge topic, after the awards' earlier changes. Runs inside the caller's transaction.
 */
@Component
class AwardEndings {

    static final String REVOKED = "REVOKED";

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final OutboxStore outbox;

    AwardEndings(AwardLedger ledger, CredentialCatalog catalog, OutboxStore outbox) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /**
     * Revokes the learner's award of the credential and what is stacked on it.
     *
     * @param learner the learner's progress, still holding the award
     * @return the revoked awards, this one first; empty when it was not active (ended already, or just now by
     *     someone else)
     */
    List<EndedAward> revoke(
            String awardId, LearnerProgress learner, String credentialId, String reason, String actor, Instant now) {
        if (!ledger.end(awardId, REVOKED, reason, actor, now)) {
            return List.of();
        }
        List<EndedAward> revoked =
                new ArrayList<>(List.of(new EndedAward(ledger.find(awardId).orElseThrow(), reason)));
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
                String why = "stacked on " + credential + ", which was revoked: " + reason;
                if (ledger.end(stackedAwardId, REVOKED, why, actor, now)) {
                    revoked.add(new EndedAward(ledger.find(stackedAwardId).orElseThrow(), why));
                }
                learner.release(stacked.id());
                ended.add(stacked.id());
            }
        }
        return revoked;
    }

    /** Writes the outbox rows of awards that ended, each waiting behind its award's earlier changes. */
    void announce(List<EndedAward> ended, AwardChange.Action action, String source, Instant now) {
        List<OutboxEvent> events = new ArrayList<>();
        ended.forEach(each -> events.addAll(AwardOutbox.eventsFor(change(each, action, source, now), now)));
        outbox.appendInOrder(events);
    }

    /**
     * The ended award described by the definition it was made under (or the current one, once that version left
     * the catalog), so the SIS row and the badge event say what ended as the ISSUED ones said what was awarded.
     */
    private AwardChange change(EndedAward ended, AwardChange.Action action, String source, Instant at) {
        AwardRecord award = ended.award();
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
        return AwardChange.of(snapshot, action, ended.reason(), at);
    }
}

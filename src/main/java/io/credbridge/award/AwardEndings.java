package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How an award ends, whoever ends it (the registrar, a voided statement, the expiry sweep): the award and, for a
 * revocation, every award stacked on it whose criteria no longer hold, to any depth; then the outbox rows that
 * tell the SIS and the badge topic, after the awards' earlier changes, and the revocation status verifiers read.
 * Runs inside the caller's transaction.
 */
@Component
class AwardEndings {

    static final String REVOKED = "REVOKED";

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final OutboxStore outbox;
    private final RevocationCascade cascades;
    private final RevocationStatus revocationStatus;

    AwardEndings(AwardLedger ledger, CredentialCatalog catalog, OutboxStore outbox, RevocationStatus revocationStatus) {
        this.ledger = ledger;
        this.cascades = new RevocationCascade(catalog);
        this.catalog = catalog;
        this.outbox = outbox;
        this.revocationStatus = revocationStatus;
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
        List<RevocationCascade.Revocation> cascade = cascades.of(awardId, credentialId, learner, reason, now);
        List<EndedAward> revoked =
                new ArrayList<>(List.of(new EndedAward(ledger.find(awardId).orElseThrow(), reason)));
        revoked.addAll(end(cascade.subList(1, cascade.size()), actor, now));
        return revoked;
    }

    /** Ends the awards a cascade decided on; one that is no longer active (ended meanwhile) is left out. */
    List<EndedAward> end(List<RevocationCascade.Revocation> revocations, String actor, Instant now) {
        List<EndedAward> ended = new ArrayList<>();
        for (RevocationCascade.Revocation revocation : revocations) {
            if (ledger.end(revocation.awardId(), REVOKED, revocation.reason(), actor, now)) {
                ended.add(new EndedAward(ledger.find(revocation.awardId()).orElseThrow(), revocation.reason()));
            }
        }
        return ended;
    }

    /**
     * Writes the outbox rows of awards that ended, each waiting behind its award's earlier changes, and sets the
     * revocation status of revoked ones (expiry leaves it: the status list's bit says the issuer withdrew it).
     */
    void announce(List<EndedAward> ended, AwardChange.Action action, String source, Instant now) {
        List<OutboxEvent> events = new ArrayList<>();
        ended.forEach(each -> events.addAll(AwardOutbox.eventsFor(change(each, action, source, now), now)));
        outbox.appendInOrder(events);
        if (action == AwardChange.Action.REVOKED && !ended.isEmpty()) {
            revocationStatus.revoked(
                    ended.stream().map(each -> each.award().awardId()).toList(), now);
        }
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
                new Award.Trigger(null, source, at),
                award.sisPersonId(),
                award.gradeAchieved());
        return AwardChange.of(snapshot, action, ended.reason(), at);
    }
}

package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revokes an award on a registrar's word, and with it every award stacked on it whose criteria no longer hold
 * without it, to any depth. Each revoked award writes its REVOKED outbox rows in the same transaction, so the
 * SIS and the badge topic hear of every one, after the award's ISSUED.
 */
@Component
class AwardRevocation {

    static final String REVOKED = "REVOKED";

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final TransactionTemplate transactions;
    private final CredBridgeMetrics metrics;
    private final Clock clock;

    AwardRevocation(
            AwardLedger ledger,
            CredentialCatalog catalog,
            OutboxStore outbox,
            OutboxRelay relay,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @return the revoked awards: the one asked for first, then those stacked on it
     * @throws AwardNotFoundException if there is no such award
     * @throws AwardNotActiveException if it was revoked or expired already
     */
    List<Revoked> revoke(String awardId, String reason, String actor) {
        List<Revoked> revoked = transactions.execute(status -> revokeWithCascade(awardId, reason, actor));
        revoked.forEach(each -> metrics.awardChanged(REVOKED, each.credentialId()));
        relay.wakeUp();
        return revoked;
    }

    private List<Revoked> revokeWithCascade(String awardId, String reason, String actor) {
        AwardRecord award = ledger.find(awardId).orElseThrow(() -> new AwardNotFoundException(awardId));
        catalog.find(award.credentialId())
                .orElseThrow(() -> new AwardNotActiveException(
                        award, "its credential " + award.credentialId() + " is no longer in the catalog"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!ledger.end(awardId, REVOKED, reason, actor, now)) {
            throw new AwardNotActiveException(award);
        }
        List<Revoked> revoked = new ArrayList<>(List.of(new Revoked(award, reason)));
        LearnerProgress learner = ledger.progressOf(List.of(award.learnerId())).get(award.learnerId());
        revoked.addAll(cascade(ledger, catalog, learner, award.credentialId(), reason, actor, now));
        List<OutboxEvent> events = new ArrayList<>();
        revoked.forEach(each -> events.addAll(AwardOutbox.eventsFor(
                EndedAwards.change(
                        each.award(), catalog, AwardChange.Action.REVOKED, each.reason(), "admin:" + actor, now),
                now)));
        outbox.appendInOrder(events);
        return revoked;
    }

    /**
     * Revokes, to any depth, the learner's awards stacked on {@code endedCredential} whose criteria no longer hold
     * now that it has ended; {@code learner} is the progress without it. Returns them in the order revoked.
     */
    static List<Revoked> cascade(
            AwardLedger ledger,
            CredentialCatalog catalog,
            LearnerProgress learner,
            String endedCredential,
            String reason,
            String actor,
            Instant now) {
        List<Revoked> revoked = new ArrayList<>();
        learner.release(endedCredential);
        Deque<String> ended = new ArrayDeque<>(List.of(endedCredential));
        while (!ended.isEmpty()) {
            String credential = ended.poll();
            for (CredentialDefinition stacked : catalog.credentialsStackedOn(credential)) {
                String stackedAwardId = learner.heldAwardId(stacked.id()).orElse(null);
                if (stackedAwardId == null
                        || CriteriaEvaluation.evaluate(stacked.allCriteria(), learner, now)
                                .isPresent()) {
                    continue;
                }
                String why = "stacked on " + credential + ", which was revoked: " + reason;
                if (ledger.end(stackedAwardId, REVOKED, why, actor, now)) {
                    revoked.add(new Revoked(ledger.find(stackedAwardId).orElseThrow(), why));
                }
                learner.release(stacked.id());
                ended.add(stacked.id());
            }
        }
        return revoked;
    }

    /** An award this revocation ended, and why. */
    record Revoked(AwardRecord award, String reason) {

        String credentialId() {
            return award.credentialId();
        }
    }

    static final class AwardNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AwardNotFoundException(String awardId) {
            super("no award with id " + awardId);
        }
    }

    static final class AwardNotActiveException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AwardNotActiveException(AwardRecord award) {
            this(
                    award,
                    "it is " + award.status() + " already"
                            + (award.endedAt() == null ? "" : " (since " + award.endedAt() + ")"));
        }

        AwardNotActiveException(AwardRecord award, String why) {
            super("award " + award.awardId() + " cannot be revoked: " + why);
        }
    }
}

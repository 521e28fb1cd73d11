package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.jdbc.TimeOrderedIds;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Awards a credential on the registrar's word rather than by the catalog's criteria: a manual award, or one for
 * prior learning the institution assessed (military or workplace learning). It counts as holding the credential,
 * so the credentials stacked on it are awarded too when their other criteria are met. Every award writes its
 * ISSUED outbox rows in the same transaction.
 */
@Component
class AwardGrants {

    /** Why a registrar grants an award. */
    enum Basis {
        MANUAL,
        PRIOR_LEARNING
    }

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final CredentialEvaluator evaluator;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final TransactionTemplate transactions;
    private final CredBridgeMetrics metrics;
    private final Clock clock;
    private final Learners learners;

    AwardGrants(
            AwardLedger ledger,
            CredentialCatalog catalog,
            CredentialEvaluator evaluator,
            OutboxStore outbox,
            OutboxRelay relay,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            Clock clock,
            Learners learners) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.evaluator = evaluator;
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
        this.learners = learners;
    }

    /**
     * @param earnedAt when the learner achieved it (e.g. the date of the assessed prior learning); null for now
     * @return the granted award first, then the awards stacked on it that it completed
     * @throws UnknownCredentialException if the catalog has no such credential
     * @throws AlreadyHeldException if the learner holds an active award of it
     */
    List<Award> grant(
            String learnerId, String credentialId, Basis basis, String reason, String actor, Instant earnedAt) {
        CredentialDefinition credential = catalog.find(credentialId)
                .filter(definition -> !definition.retired())
                .orElseThrow(() -> new UnknownCredentialException(credentialId));
        List<Award> awards = transactions.execute(status -> {
            LearnerProgress learner = learners.progressOf(learnerId);
            if (learner.holdsActive(credentialId)) {
                throw new AlreadyHeldException(learnerId, credentialId);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Award.Trigger trigger = new Award.Trigger(null, basis.name().toLowerCase(Locale.ROOT), now);
            Award granted = new Award(
                    TimeOrderedIds.next(),
                    learnerId,
                    credential,
                    now,
                    earnedAt == null ? now : earnedAt,
                    List.of(),
                    trigger,
                    learner.sisPersonId(),
                    // No attempt of the learner's counted, so there is no score to state.
                    null);
            learner.hold(credentialId, granted.heldAs(false));
            List<Award> all = new ArrayList<>(List.of(granted));
            all.addAll(evaluator.awardStackedOn(credentialId, learner, trigger));
            ledger.recordAwards(all);
            ledger.recordGrant(granted.awardId(), basis.name(), actor, reason);
            List<OutboxEvent> events = new ArrayList<>();
            all.forEach(award -> events.addAll(AwardOutbox.eventsFor(AwardChange.of(award), now)));
            outbox.append(events);
            return all;
        });
        awards.forEach(award ->
                metrics.awarded(award.triggeredBy().source(), award.credential().id()));
        relay.wakeUp();
        return awards;
    }

    static final class UnknownCredentialException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownCredentialException(String credentialId) {
            super("credentialId names no credential in the catalog that can still be awarded (was '" + credentialId
                    + "')");
        }
    }

    static final class AlreadyHeldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyHeldException(String learnerId, String credentialId) {
            super("learner " + learnerId + " already holds an active award of " + credentialId
                    + "; revoke it first to replace it");
        }
    }
}

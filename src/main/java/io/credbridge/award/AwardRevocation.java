package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final AwardEndings endings;
    private final OutboxRelay relay;
    private final TransactionTemplate transactions;
    private final CredBridgeMetrics metrics;
    private final Clock clock;
    private final Learners learners;

    AwardRevocation(
            AwardLedger ledger,
            CredentialCatalog catalog,
            AwardEndings endings,
            OutboxRelay relay,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            Clock clock,
            Learners learners) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.endings = endings;
        this.relay = relay;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
        this.learners = learners;
    }

    /**
     * @return the revoked awards: the one asked for first, then those stacked on it
     * @throws AwardNotFoundException if there is no such award
     * @throws AwardNotActiveException if it was revoked or expired already
     */
    List<EndedAward> revoke(String awardId, String reason, String actor) {
        List<EndedAward> revoked = transactions.execute(status -> revokeWithCascade(awardId, reason, actor));
        revoked.forEach(each -> metrics.awardChanged(AwardEndings.REVOKED, each.credentialId()));
        relay.wakeUp();
        return revoked;
    }

    private List<EndedAward> revokeWithCascade(String awardId, String reason, String actor) {
        AwardRecord award = ledger.find(awardId).orElseThrow(() -> new AwardNotFoundException(awardId));
        catalog.find(award.credentialId())
                .orElseThrow(() -> new AwardNotActiveException(
                        award, "its credential " + award.credentialId() + " is no longer in the catalog"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LearnerProgress learner = learners.progressOf(award.learnerId());
        List<EndedAward> revoked = endings.revoke(awardId, learner, award.credentialId(), reason, actor, now);
        if (revoked.isEmpty()) {
            throw new AwardNotActiveException(award);
        }
        endings.announce(revoked, AwardChange.Action.REVOKED, "admin:" + actor, now);
        return revoked;
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

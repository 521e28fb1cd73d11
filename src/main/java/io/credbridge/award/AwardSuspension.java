package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suspends an award on a registrar's word and reinstates it later, for definitions that allow it: the award stays
 * held (nothing stacked on it changes, the SIS is not told), but its credential's suspension bit is set, so a
 * verifier sees it suspended. The award's state, the bit and the SUSPENDED or REINSTATED badge event's outbox row
 * are written in one transaction.
 */
@Component
class AwardSuspension {

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final AwardEndings endings;
    private final SuspensionStatus status;
    private final OutboxRelay relay;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AwardSuspension(
            AwardLedger ledger,
            CredentialCatalog catalog,
            AwardEndings endings,
            SuspensionStatus status,
            OutboxRelay relay,
            TransactionTemplate transactions,
            Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.endings = endings;
        this.status = status;
        this.relay = relay;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws AwardRevocation.AwardNotFoundException if there is no such award
     * @throws SuspensionRefusedException if it is not active, is suspended already, or its definition does not
     *     allow suspension
     */
    AwardRecord suspend(String awardId, String reason, String actor) {
        return change(awardId, AwardChange.Action.SUSPENDED, reason, actor);
    }

    /**
     * @throws AwardRevocation.AwardNotFoundException if there is no such award
     * @throws SuspensionRefusedException if it is not suspended
     */
    AwardRecord reinstate(String awardId, String reason, String actor) {
        return change(awardId, AwardChange.Action.REINSTATED, reason, actor);
    }

    private AwardRecord change(String awardId, AwardChange.Action action, String reason, String actor) {
        AwardRecord changed = transactions.execute(tx -> {
            AwardRecord award =
                    ledger.find(awardId).orElseThrow(() -> new AwardRevocation.AwardNotFoundException(awardId));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            CredentialDefinition definition = catalog.find(award.credentialId(), award.credentialVersion())
                    .or(() -> catalog.find(award.credentialId()))
                    .orElseThrow(() -> new SuspensionRefusedException(
                            award, action, "its credential " + award.credentialId() + " is no longer in the catalog"));
            if (action == AwardChange.Action.SUSPENDED) {
                if (!definition.suspendable()) {
                    throw new SuspensionRefusedException(
                            award,
                            action,
                            "credential " + definition.id()
                                    + " does not allow suspension (catalog: suspendable: true)");
                }
                if (!ledger.suspend(awardId, reason, now)) {
                    throw new SuspensionRefusedException(
                            award,
                            action,
                            "ACTIVE".equals(award.status()) ? "it is suspended already" : "it is " + award.status());
                }
                status.suspended(awardId, definition.issuer().id(), now);
            } else {
                if (!ledger.reinstate(awardId)) {
                    throw new SuspensionRefusedException(award, action, "it is not suspended");
                }
                status.reinstated(awardId, definition.issuer().id(), now);
            }
            endings.announce(List.of(new EndedAward(award, reason)), action, "admin:" + actor, now);
            return award;
        });
        relay.wakeUp();
        return changed;
    }

    static final class SuspensionRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SuspensionRefusedException(AwardRecord award, AwardChange.Action action, String why) {
            super("award " + award.awardId() + " cannot be "
                    + (action == AwardChange.Action.SUSPENDED ? "suspended" : "reinstated") + ": " + why);
        }
    }
}

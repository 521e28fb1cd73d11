package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks awards past their validity EXPIRED, a batch per transaction, each with its EXPIRED outbox rows. Several
 * instances may sweep at once: an award ends once, whoever gets to it first. Credentials stacked on an expired
 * award keep their awards (they were earned while it held); it just no longer counts for new ones.
 */
@Component("awardExpiry")
class AwardExpiry {

    static final String EXPIRED = "EXPIRED";
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(AwardExpiry.class);

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final AwardEndings endings;
    private final TransactionTemplate transactions;
    private final CredBridgeMetrics metrics;
    private final Clock clock;

    AwardExpiry(
            AwardLedger ledger,
            CredentialCatalog catalog,
            AwardEndings endings,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.endings = endings;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Expires every award that is due; returns how many it expired. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int total = 0;
        while (true) {
            List<EndedAward> expired = transactions.execute(status -> expireBatch(now));
            expired.forEach(award -> metrics.awardChanged(EXPIRED, award.credentialId()));
            total += expired.size();
            if (expired.size() < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("Expired {} award(s) whose validity ended by {}", total, now);
        }
        return total;
    }

    private List<EndedAward> expireBatch(Instant now) {
        List<EndedAward> expired = new ArrayList<>();
        for (String awardId : ledger.dueToExpire(now, BATCH)) {
            AwardRecord award = ledger.find(awardId).orElseThrow();
            if (catalog.find(award.credentialId()).isEmpty()) {
                log.error(
                        "Award {} is past its validity but cannot be expired: its credential {} is no longer in"
                                + " the catalog",
                        awardId,
                        award.credentialId());
                continue;
            }
            String reason = "its validity ended at " + award.expiresAt();
            if (ledger.end(awardId, EXPIRED, reason, "credbridge", now)) {
                expired.add(new EndedAward(award, reason));
            }
        }
        endings.announce(expired, AwardChange.Action.EXPIRED, "expiry", now);
        return expired;
    }
}

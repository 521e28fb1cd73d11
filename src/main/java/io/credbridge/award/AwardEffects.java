package io.credbridge.award;

import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes what applying a batch decided, in the order it was decided, inside the batch's transaction: issued awards
 * with their ISSUED outbox rows, and revocations with theirs (each behind its award's earlier changes). Consecutive
 * awards are written as one batch, the common case.
 */
@Component
class AwardEffects {

    private final AwardLedger ledger;
    private final AwardEndings endings;
    private final OutboxStore outbox;

    AwardEffects(AwardLedger ledger, AwardEndings endings, OutboxStore outbox) {
        this.ledger = ledger;
        this.endings = endings;
        this.outbox = outbox;
    }

    Written write(List<AwardEffect> effects, Instant now) {
        List<Award> issued = new ArrayList<>();
        List<EndedAward> revoked = new ArrayList<>();
        List<Award> run = new ArrayList<>();
        for (AwardEffect effect : effects) {
            if (effect instanceof AwardEffect.Issued award) {
                run.add(award.award());
                continue;
            }
            issue(run, now);
            issued.addAll(run);
            run.clear();
            AwardEffect.Revoked revocation = (AwardEffect.Revoked) effect;
            List<EndedAward> ended = endings.end(List.of(revocation.revocation()), revocation.actor(), now);
            endings.announce(ended, AwardChange.Action.REVOKED, revocation.source(), now);
            revoked.addAll(ended);
        }
        issue(run, now);
        issued.addAll(run);
        return new Written(issued, revoked);
    }

    private void issue(List<Award> awards, Instant now) {
        if (awards.isEmpty()) {
            return;
        }
        ledger.recordAwards(awards);
        List<OutboxEvent> events = new ArrayList<>();
        awards.forEach(award -> events.addAll(AwardOutbox.eventsFor(AwardChange.of(award), now)));
        outbox.append(events);
    }

    record Written(List<Award> issued, List<EndedAward> revoked) {}
}

package io.credbridge.award;

import io.credbridge.award.ProcessedEventLog.Outcome;
import io.credbridge.award.ProcessedEventLog.ProcessedEvent;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.RegressionPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies voided events within the award stage's transaction. A voided event no longer counts: it leaves every
 * learner's progress, and an award that rested on it is revoked when its criteria no longer hold (unless its
 * definition says {@code onRegression: keep}), with the awards stacked on it. A later event that meets the
 * requirement again earns the credential again, as a new award. A void that arrives before the event it voids
 * is remembered, so that event is skipped when it comes.
 */
@Component
class Regressions {

    private final AwardLedger ledger;
    private final ProcessedEventLog processedEvents;
    private final CredentialCatalog catalog;
    private final AwardEndings endings;

    Regressions(
            AwardLedger ledger, ProcessedEventLog processedEvents, CredentialCatalog catalog, AwardEndings endings) {
        this.ledger = ledger;
        this.processedEvents = processedEvents;
        this.catalog = catalog;
        this.endings = endings;
    }

    /**
     * @param processedInBatch ids of the events this batch has just applied (a void may follow its event in it)
     * @return the awards revoked
     */
    List<EndedAward> apply(List<Intake.Voiding> voidings, Collection<String> processedInBatch, Instant now) {
        Map<String, Intake.Voiding> byVoidedId = new LinkedHashMap<>();
        voidings.forEach(voiding -> byVoidedId.putIfAbsent(voiding.voidedEventId(), voiding));
        Set<String> known = processedEvents.alreadyProcessed(byVoidedId.keySet());
        List<ProcessedEvent> early = new ArrayList<>();
        List<EndedAward> revoked = new ArrayList<>();
        for (Map.Entry<String, Intake.Voiding> entry : byVoidedId.entrySet()) {
            String voidedId = entry.getKey();
            if (known.contains(voidedId) || processedInBatch.contains(voidedId)) {
                revoked.addAll(withdraw(voidedId, entry.getValue(), now));
            } else {
                early.add(new ProcessedEvent(voidedId, Outcome.VOIDED));
            }
        }
        processedEvents.record(early, now);
        endings.announce(revoked, AwardChange.Action.REVOKED, "void", now);
        return revoked;
    }

    private List<EndedAward> withdraw(String voidedId, Intake.Voiding voiding, Instant now) {
        List<EndedAward> revoked = new ArrayList<>();
        String actor = "voided by " + voiding.event().getSource() + " statement "
                + voiding.event().getEventId();
        String reason = "the event " + voidedId + " it rested on was voided by its source";
        for (String learnerId : ledger.forgetEvent(voidedId)) {
            LearnerProgress learner = ledger.progressOf(List.of(learnerId)).get(learnerId);
            for (String credentialId : learner.heldOnEvidence(voidedId)) {
                CredentialDefinition definition = catalog.find(credentialId).orElse(null);
                String awardId =
                        learner.heldAward(credentialId).map(HeldAward::awardId).orElse(null);
                if (definition == null
                        || awardId == null
                        || definition.onRegression() == RegressionPolicy.KEEP
                        || CriteriaEvaluation.evaluate(definition.allCriteria(), learner, now)
                                .isPresent()) {
                    continue;
                }
                revoked.addAll(endings.revoke(awardId, learner, credentialId, reason, actor, now));
            }
        }
        return revoked;
    }
}

package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.CriteriaGroup;
import io.credbridge.catalog.Criterion;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers "why has this learner not got that credential yet?": for every credential in the catalog, each
 * criterion met or not, with the event that met it, and in words what is still missing.
 */
@Component
class ProgressReport {

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final Clock clock;

    ProgressReport(AwardLedger ledger, CredentialCatalog catalog, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.clock = clock;
    }

    List<CredentialProgress> of(String learnerId) {
        LearnerProgress learner = ledger.progressOf(List.of(learnerId)).get(learnerId);
        Instant now = clock.instant();
        return catalog.definitions().stream()
                .map(definition -> progress(definition, learner, now))
                .toList();
    }

    private static CredentialProgress progress(CredentialDefinition definition, LearnerProgress learner, Instant now) {
        CriterionProgress criteria = criterion(definition.allCriteria(), learner, now);
        return new CredentialProgress(
                definition.id(),
                definition.name(),
                learner.heldAward(definition.id()).map(HeldAward::awardId).orElse(null),
                criteria.met(),
                criteria.criteria());
    }

    static CriterionProgress criterion(Criterion criterion, LearnerProgress learner, Instant now) {
        Optional<Evidence> evidence = CriteriaEvaluation.evaluate(criterion, learner, now);
        List<CriterionProgress> parts = criterion instanceof CriteriaGroup group
                ? group.criteria().stream()
                        .map(part -> criterion(part, learner, now))
                        .toList()
                : null;
        Integer required = criterion instanceof CriteriaGroup group ? group.required() : null;
        return new CriterionProgress(
                criterion.typeName(),
                evidence.isPresent(),
                criterion.narrative(),
                evidence.isPresent() || parts != null ? null : missing(criterion, learner),
                parts == null ? evidence.map(Evidence::eventIds).orElse(null) : null,
                parts == null ? evidence.map(Evidence::earnedAt).orElse(null) : null,
                required,
                parts);
    }

    private static String missing(Criterion criterion, LearnerProgress learner) {
        if (criterion instanceof CredentialHeld held) {
            return learner.holdsActive(held.credential())
                    ? "the learner's award of " + held.credential() + " has expired"
                    : "the learner does not hold " + held.credential();
        }
        return "no event has met it yet: " + criterion.narrative();
    }

    /**
     * @param heldAwardId the learner's active award of the credential, if any
     * @param met whether every criterion is met now
     */
    record CredentialProgress(
            String credentialId, String name, String heldAwardId, boolean met, List<CriterionProgress> criteria) {}

    /**
     * One criterion and how far the learner is with it.
     *
     * @param missing what is still needed, in words, for a requirement or credential not met
     * @param eventIds the events that met a requirement, or the evidence of a credential held
     * @param required for a group, how many of its criteria must be met
     */
    record CriterionProgress(
            String type,
            boolean met,
            String narrative,
            String missing,
            List<String> eventIds,
            Instant metAt,
            Integer required,
            List<CriterionProgress> criteria) {}
}

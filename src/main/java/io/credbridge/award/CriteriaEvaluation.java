package io.credbridge.award;

import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.CriteriaGroup;
import io.credbridge.catalog.Criterion;
import io.credbridge.catalog.Requirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a learner meets a criterion, and with which evidence, from the learner's progress alone.
 * Where a group needs only some of its criteria, the ones met earliest are the evidence, so the award's
 * earned-at is the first moment the learner qualified.
 */
final class CriteriaEvaluation {

    private CriteriaEvaluation() {}

    /** @param at the moment of the evaluation: a credential held counts only while it has not expired */
    static Optional<Evidence> evaluate(Criterion criterion, LearnerProgress learner, Instant at) {
        if (criterion instanceof Requirement requirement) {
            return learner.met(requirement).map(met -> Evidence.of(met.eventId(), met.metAt()));
        }
        if (criterion instanceof CredentialHeld held) {
            return learner.held(held.credential(), at);
        }
        return group((CriteriaGroup) criterion, learner, at);
    }

    private static Optional<Evidence> group(CriteriaGroup group, LearnerProgress learner, Instant at) {
        List<Evidence> met = new ArrayList<>();
        for (Criterion criterion : group.criteria()) {
            evaluate(criterion, learner, at).ifPresent(met::add);
        }
        if (met.size() < group.required()) {
            return Optional.empty();
        }
        List<Evidence> earliest = met.stream()
                .sorted(Comparator.comparing(Evidence::earnedAt))
                .limit(group.required())
                .toList();
        // Back in the order the criteria are listed, so the evidence reads like the definition.
        return Optional.of(
                Evidence.combine(met.stream().filter(earliest::contains).toList()));
    }
}

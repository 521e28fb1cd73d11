package io.credbridge.award;

import io.credbridge.avro.LearningEvent;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.Requirement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies one event to one learner's progress: records the requirements it newly meets, then awards every
 * credential that uses one of them and whose criteria are now met, unless the learner already holds it. An
 * award can complete the criteria of credentials stacked on it, so those are evaluated next, to any depth.
 * Pure logic over the catalog and the in-memory progress; the caller persists the outcome.
 */
@Component
class CredentialEvaluator {

    private final CredentialCatalog catalog;
    private final Clock clock;

    CredentialEvaluator(CredentialCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    Outcome apply(LearningEvent event, LearnerProgress learner) {
        List<MetRequirement> newlyMet = new ArrayList<>();
        Deque<CredentialDefinition> affected = new ArrayDeque<>();
        for (Requirement requirement : catalog.requirementsMetBy(event)) {
            if (learner.met(requirement).isEmpty()) {
                MetRequirement met = new MetRequirement(
                        learner.learnerId(), requirement.key(), event.getEventId(), event.getOccurredAt());
                learner.record(met);
                newlyMet.add(met);
                affected.addAll(catalog.credentialsRequiring(requirement));
            }
        }
        Award.Trigger trigger = new Award.Trigger(event.getEventId(), event.getSource(), event.getReceivedAt());
        return new Outcome(newlyMet, awardEarned(affected, learner, trigger));
    }

    /**
     * Awards the credentials stacked on one the learner was just given by other means (a manual or
     * prior-learning award), to any depth.
     */
    List<Award> awardStackedOn(String credentialId, LearnerProgress learner, Award.Trigger trigger) {
        return awardEarned(new ArrayDeque<>(catalog.credentialsStackedOn(credentialId)), learner, trigger);
    }

    private List<Award> awardEarned(
            Deque<CredentialDefinition> affected, LearnerProgress learner, Award.Trigger trigger) {
        List<Award> awards = new ArrayList<>();
        while (!affected.isEmpty()) {
            CredentialDefinition credential = affected.poll();
            awardIfEarned(credential, learner, trigger).ifPresent(award -> {
                awards.add(award);
                affected.addAll(catalog.credentialsStackedOn(credential.id()));
            });
        }
        return awards;
    }

    private Optional<Award> awardIfEarned(
            CredentialDefinition credential, LearnerProgress learner, Award.Trigger trigger) {
        if (learner.holdsActive(credential.id())) {
            return Optional.empty();
        }
        // Milliseconds: what Avro's timestamp-millis carries, so every output shows the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return CriteriaEvaluation.evaluate(credential.allCriteria(), learner, now)
                .map(evidence -> {
                    Award award = new Award(
                            UUID.randomUUID().toString(),
                            learner.learnerId(),
                            credential,
                            now,
                            evidence.earnedAt(),
                            evidence.eventIds(),
                            trigger);
                    learner.hold(credential.id(), award.held());
                    return award;
                });
    }

    record Outcome(List<MetRequirement> newlyMet, List<Award> awards) {}
}

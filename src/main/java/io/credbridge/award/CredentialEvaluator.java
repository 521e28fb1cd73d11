package io.credbridge.award;

import io.credbridge.avro.LearningEvent;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.Requirement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies one event to one learner's progress: records the requirements it newly meets, then awards every
 * credential that uses one of them and now has all its requirements met, unless the learner already holds it.
 * Pure logic over the catalog and the in-memory progress; the caller persists the outcome.
 */
@Component
class CredentialEvaluator {

    private final CredentialCatalog catalog;
    private final Clock clock;

    public CredentialEvaluator(CredentialCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public Outcome apply(LearningEvent event, LearnerProgress learner) {
        List<MetRequirement> newlyMet = new ArrayList<>();
        List<Requirement> newlyMetRequirements = new ArrayList<>();
        for (Requirement requirement : catalog.requirementsMetBy(event)) {
            if (learner.met(requirement).isEmpty()) {
                MetRequirement met = new MetRequirement(
                        learner.learnerId(), requirement.key(), event.getEventId(), event.getOccurredAt());
                learner.record(met);
                newlyMet.add(met);
                newlyMetRequirements.add(requirement);
            }
        }
        List<Award> awards = new ArrayList<>();
        for (Requirement requirement : newlyMetRequirements) {
            for (CredentialDefinition credential : catalog.credentialsRequiring(requirement)) {
                awardIfEarned(credential, learner, event).ifPresent(awards::add);
            }
        }
        return new Outcome(newlyMet, awards);
    }

    private Optional<Award> awardIfEarned(
            CredentialDefinition credential, LearnerProgress learner, LearningEvent event) {
        if (learner.holdsActive(credential.id())) {
            return Optional.empty();
        }
        List<MetRequirement> evidence = new ArrayList<>();
        for (Requirement requirement : credential.criteria()) {
            Optional<MetRequirement> met = learner.met(requirement);
            if (met.isEmpty()) {
                return Optional.empty();
            }
            evidence.add(met.get());
        }
        learner.holdActive(credential.id());
        Instant earnedAt = evidence.stream()
                .map(MetRequirement::metAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<String> evidenceEventIds = List.copyOf(new LinkedHashSet<>(
                evidence.stream().map(MetRequirement::eventId).toList()));
        return Optional.of(new Award(
                UUID.randomUUID().toString(),
                learner.learnerId(),
                credential,
                // Milliseconds: what Avro's timestamp-millis carries, so every output shows the same instant.
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                earnedAt,
                evidenceEventIds,
                new Award.Trigger(event.getEventId(), event.getSource(), event.getReceivedAt())));
    }

    public record Outcome(List<MetRequirement> newlyMet, List<Award> awards) {}
}

package io.credbridge.award;

import io.credbridge.avro.LearningEvent;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.RegressionPolicy;
import io.credbridge.jdbc.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies one fact to one learner: records it (or, for a voided event, withdraws it), then evaluates every
 * credential that listens to the fact's activity. A credential whose criteria now hold is awarded, and the
 * credentials stacked on it next, to any depth; an earned award whose criteria no longer hold (a lower regrade, a
 * later attempt that fails when the latest counts, a void) is revoked with what is stacked on it. Under {@code
 * onRegression: keep} an award stays once the learner qualified at any moment of their history, and a void does
 * not take it back. Pure logic over the catalog and the in-memory progress; the caller
 * writes the effects, in order.
 */
@Component
class CredentialEvaluator {

    private final CredentialCatalog catalog;
    private final RevocationCascade cascades;
    private final Clock clock;

    CredentialEvaluator(CredentialCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.cascades = new RevocationCascade(catalog);
        this.clock = clock;
    }

    /** @return the fact the event stated (none when the learner has it already) and what it changed */
    Outcome apply(LearningEvent event, LearnerProgress learner) {
        Optional<LearnerFact> fact = LearnerFact.of(event, learner.learnerId()).filter(learner::record);
        if (fact.isEmpty()) {
            return new Outcome(Optional.empty(), List.of());
        }
        Award.Trigger trigger = new Award.Trigger(event.getEventId(), event.getSource(), event.getReceivedAt());
        Regression regression = new Regression(
                "its criteria no longer hold after event " + event.getEventId() + " from " + event.getSource(),
                "award rules, on event " + event.getEventId(),
                "regression");
        return new Outcome(fact, reevaluate(fact.get().activityId(), learner, trigger, regression));
    }

    /**
     * Withdraws the fact of an event its source voided.
     *
     * @return what that changed; nothing when the learner has no such fact
     */
    List<AwardEffect> withdraw(String voidedEventId, LearningEvent voiding, LearnerProgress learner) {
        Optional<LearnerFact> fact = learner.forget(voidedEventId);
        if (fact.isEmpty()) {
            return List.of();
        }
        Award.Trigger trigger = new Award.Trigger(voiding.getEventId(), voiding.getSource(), voiding.getReceivedAt());
        Regression regression = new Regression(
                "the event " + voidedEventId + " it rested on was voided by its source",
                "voided by " + voiding.getSource() + " statement " + voiding.getEventId(),
                "void");
        return reevaluate(fact.get().activityId(), learner, trigger, regression);
    }

    /**
     * Judges these credentials again for the learner after something other than an event changed what their
     * criteria read (a course mapping): awards what now holds, revokes what no longer does.
     *
     * @param cause what changed, in words, for the trigger and a revocation's reason
     */
    List<AwardEffect> reconsider(
            Collection<CredentialDefinition> credentials, LearnerProgress learner, String source, String cause) {
        Award.Trigger trigger = new Award.Trigger(null, source, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Regression regression = new Regression(
                "its criteria no longer hold after " + cause, "award rules, after " + cause, "regression");
        return evaluate(new ArrayDeque<>(credentials), learner, trigger, regression);
    }

    /**
     * Awards the credentials stacked on one the learner was just given by other means (a manual or
     * prior-learning award), to any depth.
     */
    List<Award> awardStackedOn(String credentialId, LearnerProgress learner, Award.Trigger trigger) {
        List<Award> awards = new ArrayList<>();
        for (AwardEffect effect :
                evaluate(new ArrayDeque<>(catalog.credentialsStackedOn(credentialId)), learner, trigger, null)) {
            if (effect instanceof AwardEffect.Issued issued) {
                awards.add(issued.award());
            }
        }
        return awards;
    }

    private List<AwardEffect> reevaluate(
            String activityId, LearnerProgress learner, Award.Trigger trigger, Regression regression) {
        Deque<CredentialDefinition> affected = new ArrayDeque<>(catalog.credentialsListeningTo(activityId));
        learner.sisCourseOf(activityId)
                .ifPresent(sisCourse -> affected.addAll(catalog.credentialsListeningTo(sisCourse)));
        return evaluate(affected, learner, trigger, regression);
    }

    /** @param regression why and by whom an award is revoked; null when nothing can have regressed */
    private List<AwardEffect> evaluate(
            Deque<CredentialDefinition> affected,
            LearnerProgress learner,
            Award.Trigger trigger,
            Regression regression) {
        // Milliseconds: what Avro's timestamp-millis carries, so every output shows the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<AwardEffect> effects = new ArrayList<>();
        while (!affected.isEmpty()) {
            CredentialDefinition credential = affected.poll();
            Optional<HeldAward> held = learner.heldAward(credential.id());
            Optional<Evidence> evidence = qualification(credential, learner, now);
            if (held.isEmpty() && evidence.isPresent()) {
                Award award = new Award(
                        TimeOrderedIds.next(),
                        learner.learnerId(),
                        credential,
                        now,
                        evidence.get().earnedAt(),
                        evidence.get().eventIds(),
                        trigger,
                        learner.sisPersonId(),
                        evidence.get().grade());
                learner.hold(credential.id(), award.held());
                effects.add(new AwardEffect.Issued(award));
                affected.addAll(catalog.credentialsStackedOn(credential.id()));
            } else if (held.isPresent()
                    && evidence.isEmpty()
                    && regression != null
                    && held.get().earned()
                    && (credential.onRegression() == RegressionPolicy.REVOKE || !regression.isVoid())) {
                // Under keep, the qualification already counts any moment of the learner's history; when even
                // that fails, a fact that happened earlier but arrived later shows the award was never due.
                cascades.of(held.get().awardId(), credential.id(), learner, regression.reason(), now)
                        .forEach(revocation -> effects.add(
                                new AwardEffect.Revoked(revocation, regression.actor(), regression.source())));
            }
        }
        return effects;
    }

    /**
     * The evidence on which the learner qualifies for the credential now, if they do. Only facts recent enough
     * for an award to still hold count (an older qualification would be born expired). Under {@code
     * onRegression: revoke} the criteria must hold over everything the learner has done; under {@code keep}, having
     * held at any moment of the learner's history is enough, so a later lower attempt cannot prevent an award
     * that an earlier one earned, whichever arrived first.
     */
    Optional<Evidence> qualification(CredentialDefinition credential, LearnerProgress learner, Instant now) {
        Instant earliest = credential.earliestEarnedAtHoldingAt(now).orElse(null);
        CriteriaEvaluation.Span recent = new CriteriaEvaluation.Span(earliest, null);
        Optional<Evidence> evidence = CriteriaEvaluation.evaluate(credential.allCriteria(), learner, now, recent);
        if (evidence.isEmpty() && credential.onRegression() == RegressionPolicy.KEEP) {
            List<Instant> moments = credential
                    .allCriteria()
                    .requirements()
                    .flatMap(requirement -> learner.factsOn(requirement.activityId()).stream())
                    .map(LearnerFact::occurredAt)
                    .filter(recent::contains)
                    .distinct()
                    .sorted()
                    .toList();
            for (Instant moment : moments) {
                evidence = CriteriaEvaluation.evaluate(
                        credential.allCriteria(), learner, now, new CriteriaEvaluation.Span(earliest, moment));
                if (evidence.isPresent()) {
                    break;
                }
            }
        }
        return evidence.filter(met -> credential
                .expiryFor(met.earnedAt())
                .map(expiry -> expiry.isAfter(now))
                .orElse(true));
    }

    /** Why an award that stopped holding is revoked, and by whom, for the ledger and the outputs. */
    private record Regression(String reason, String actor, String source) {

        /** A void withdraws evidence; {@code onRegression: keep} keeps what it had earned. */
        boolean isVoid() {
            return "void".equals(source);
        }
    }

    /** @param fact the fact the event added to the learner's, if it added one */
    record Outcome(Optional<LearnerFact> fact, List<AwardEffect> effects) {

        /** The awards issued, in the order they were decided. */
        List<Award> awards() {
            return effects.stream()
                    .filter(AwardEffect.Issued.class::isInstance)
                    .map(effect -> ((AwardEffect.Issued) effect).award())
                    .toList();
        }

        /** The awards revoked, in the order they were decided. */
        List<RevocationCascade.Revocation> revocations() {
            return effects.stream()
                    .filter(AwardEffect.Revoked.class::isInstance)
                    .map(effect -> ((AwardEffect.Revoked) effect).revocation())
                    .toList();
        }
    }
}

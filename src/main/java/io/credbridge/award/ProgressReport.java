package io.credbridge.award;

import io.credbridge.catalog.Assessment;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.CriteriaGroup;
import io.credbridge.catalog.Criterion;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers "why has this learner not got that credential yet?": for every credential in the catalog, each
 * criterion met or not, with the event that met it, and in words what is still missing.
 */
@Component
class ProgressReport {

    private final CredentialCatalog catalog;
    private final Clock clock;
    private final Learners learners;

    ProgressReport(CredentialCatalog catalog, Clock clock, Learners learners) {
        this.catalog = catalog;
        this.clock = clock;
        this.learners = learners;
    }

    List<CredentialProgress> of(String learnerId) {
        LearnerProgress learner = learners.progressOf(learnerId);
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
        if (criterion instanceof CourseCompleted course) {
            String name = course.course() != null ? course.course() : course.sisCourse();
            boolean completedOutside = learner.factsOn(course.activityId()).stream()
                    .anyMatch(fact -> fact.kind() == LearnerFact.Kind.COMPLETED);
            return completedOutside && course.window() != null
                    ? "completed " + name + " but not " + course.window().words() + ", as required"
                    : "has not completed " + name + " yet";
        }
        return fellShort((Assessment) criterion, learner);
    }

    /** Where the learner's attempts fell short, with their values, e.g. "best score 72% on X, needs at least 80%". */
    private static String fellShort(Assessment assessment, LearnerProgress learner) {
        List<CriteriaEvaluation.Attempt> attempts = CriteriaEvaluation.attempts(assessment, learner);
        String on = " on " + assessment.assessment();
        if (attempts.isEmpty()) {
            return "no graded attempt" + on
                    + (assessment.window() == null
                            ? ""
                            : " " + assessment.window().words()) + " yet";
        }
        if (assessment.minAttempts() != null && attempts.size() < assessment.minAttempts()) {
            return attempts.size() + " of the " + assessment.minAttempts() + " attempts required" + on;
        }
        LearnerFact counted = switch (assessment.attempt()) {
            case LATEST -> attempts.get(attempts.size() - 1).result();
            case FIRST -> attempts.get(0).result();
            case BEST -> closest(assessment, attempts);
        };
        String which = assessment.attempt() == AttemptRule.BEST
                ? (attempts.size() == 1 ? "the only attempt" : "the best of " + attempts.size() + " attempts")
                : "the " + assessment.attempt().code() + " attempt";
        if (assessment instanceof AssessmentScore score) {
            Double value = counted.score(score.scale());
            String needs = ", needs " + score.operator().symbol() + " " + score.thresholdWords();
            return value == null
                    ? which + on + " has no " + score.scale().code() + " score" + needs
                    : which + on + " scored " + score.scoreWords(value) + needs;
        }
        return which + on + (counted.passed() == null ? " has no pass or fail" : " was not passed");
    }

    /**
     * The result that came closest: for a score, the highest (the lowest, for an upper bound) of those reported;
     * otherwise the latest attempt.
     */
    private static LearnerFact closest(Assessment assessment, List<CriteriaEvaluation.Attempt> attempts) {
        LearnerFact latest = attempts.get(attempts.size() - 1).result();
        if (!(assessment instanceof AssessmentScore score)) {
            return latest;
        }
        Comparator<LearnerFact> byScore = Comparator.comparing(result -> result.score(score.scale()));
        return attempts.stream()
                .map(CriteriaEvaluation.Attempt::result)
                .filter(result -> result.score(score.scale()) != null)
                .max(score.operator().lowerIsBetter() ? byScore.reversed() : byScore)
                .orElse(latest);
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

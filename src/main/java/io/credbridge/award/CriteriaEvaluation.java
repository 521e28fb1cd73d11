package io.credbridge.award;

import io.credbridge.catalog.Assessment;
import io.credbridge.catalog.AssessmentPassed;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.CriteriaGroup;
import io.credbridge.catalog.Criterion;
import io.credbridge.catalog.Requirement;
import io.credbridge.catalog.ScoreScale;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides whether a learner meets a criterion, and with which evidence, from the learner's facts and held awards
 * alone. Where a criterion could be met several ways, the evidence is the earliest (by when the learner did it),
 * so the award's earned-at is the first moment the learner qualified, whatever order the events arrived in.
 */
final class CriteriaEvaluation {

    private CriteriaEvaluation() {}

    /** @param at the moment of the evaluation: a credential held counts only while it has not expired */
    static Optional<Evidence> evaluate(Criterion criterion, LearnerProgress learner, Instant at) {
        return evaluate(criterion, learner, at, Span.ALWAYS);
    }

    /** Judged only from the facts of events that happened within {@code span} (held credentials are not limited). */
    static Optional<Evidence> evaluate(Criterion criterion, LearnerProgress learner, Instant at, Span span) {
        if (criterion instanceof CourseCompleted course) {
            LearnerFact earliest = null;
            for (LearnerFact fact : facts(course, learner, span)) {
                if (fact.kind() == LearnerFact.Kind.COMPLETED
                        && (earliest == null || LearnerFact.CHRONOLOGICAL.compare(fact, earliest) < 0)) {
                    earliest = fact;
                }
            }
            return earliest == null
                    ? Optional.empty()
                    : Optional.of(Evidence.of(earliest.eventId(), earliest.occurredAt()));
        }
        if (criterion instanceof Assessment assessment) {
            return assessment(assessment, learner, span);
        }
        if (criterion instanceof CredentialHeld held) {
            return learner.held(held.credential(), at);
        }
        CriteriaGroup group = (CriteriaGroup) criterion;
        return group.withinDays() == null ? group(group, learner, at, span) : withinDays(group, learner, at, span);
    }

    /**
     * The learner's facts on the requirement's activity that happened within the span and the requirement's window.
     * A loop, not a stream: it runs for every requirement judged for every event of every batch.
     */
    private static List<LearnerFact> facts(Requirement requirement, LearnerProgress learner, Span span) {
        List<LearnerFact> all = learner.factsOn(requirement.activityId());
        List<LearnerFact> counted = new ArrayList<>(all.size());
        for (LearnerFact fact : all) {
            if (span.contains(fact.occurredAt())
                    && (requirement.window() == null || requirement.window().contains(fact.occurredAt()))) {
                counted.add(fact);
            }
        }
        return counted;
    }

    /** The learner's attempts at the assessment that its window lets count, in the order they were made. */
    static List<Attempt> attempts(Assessment assessment, LearnerProgress learner) {
        return attempts(facts(assessment, learner, Span.ALWAYS).stream());
    }

    private static Optional<Evidence> assessment(Assessment assessment, LearnerProgress learner, Span span) {
        List<Attempt> attempts = attempts(facts(assessment, learner, span).stream());
        Integer minAttempts = assessment.minAttempts();
        if (minAttempts != null && attempts.size() < minAttempts) {
            return Optional.empty();
        }
        Optional<Attempt> counted = switch (assessment.attempt()) {
            case BEST ->
                attempts.stream()
                        .filter(attempt -> meets(assessment, attempt.result()))
                        .min(Comparator.comparing(attempt -> attempt.result().occurredAt()));
            case LATEST ->
                attempts.isEmpty()
                        ? Optional.empty()
                        : Optional.of(attempts.get(attempts.size() - 1))
                                .filter(attempt -> meets(assessment, attempt.result()));
            case FIRST -> attempts.stream().findFirst().filter(attempt -> meets(assessment, attempt.result()));
        };
        // With a minimum number of attempts, the criterion is met once both the result and the count are there.
        Instant countReached = minAttempts == null
                ? Instant.MIN
                : attempts.get(minAttempts - 1).madeAt();
        return counted.map(attempt -> Evidence.of(
                        attempt.result().eventId(),
                        attempt.result().occurredAt().isAfter(countReached)
                                ? attempt.result().occurredAt()
                                : countReached)
                .withGrade(gradeOf(assessment, attempt.result())));
    }

    /**
     * The counted attempt's score on the scale the criterion reads (a pass criterion: the scaled score); null when
     * the source did not report one.
     */
    private static GradeAchieved gradeOf(Assessment assessment, LearnerFact result) {
        ScoreScale scale = assessment instanceof AssessmentScore score ? score.scale() : ScoreScale.SCALED;
        Double value = result.score(scale);
        return value == null ? null : new GradeAchieved(value, scale, assessment.assessment(), assessment.attempt());
    }

    /**
     * The learner's attempts in the order they were made: facts with the same attempt id are one attempt, made
     * when its first fact happened, with the result of its last (a regrade replaces the grade).
     */
    static List<Attempt> attempts(Stream<LearnerFact> facts) {
        Map<String, List<LearnerFact>> byAttempt = new LinkedHashMap<>();
        facts.filter(fact -> fact.kind() == LearnerFact.Kind.GRADED)
                .sorted(LearnerFact.CHRONOLOGICAL)
                .forEach(fact -> byAttempt
                        .computeIfAbsent(fact.attemptKey(), key -> new ArrayList<>())
                        .add(fact));
        return byAttempt.values().stream()
                .map(graded -> new Attempt(graded.get(0).occurredAt(), graded.get(graded.size() - 1)))
                .sorted(Comparator.comparing(Attempt::madeAt)
                        .thenComparing(attempt -> attempt.result().eventId()))
                .toList();
    }

    static boolean meets(Assessment assessment, LearnerFact result) {
        if (assessment instanceof AssessmentPassed) {
            return Boolean.TRUE.equals(result.passed());
        }
        AssessmentScore score = (AssessmentScore) assessment;
        Double value = result.score(score.scale());
        return value != null && score.operator().holds(value, score.threshold());
    }

    private static Optional<Evidence> group(CriteriaGroup group, LearnerProgress learner, Instant at, Span span) {
        List<Evidence> met = new ArrayList<>();
        for (Criterion criterion : group.criteria()) {
            evaluate(criterion, learner, at, span).ifPresent(met::add);
        }
        if (met.size() < group.required()) {
            return Optional.empty();
        }
        if (met.size() == group.required()) {
            return Optional.of(Evidence.combine(met)); // every part met is needed: all-of, the common case
        }
        List<Evidence> earliest = met.stream()
                .sorted(Comparator.comparing(Evidence::earnedAt))
                .limit(group.required())
                .toList();
        // Back in the order the criteria are listed, so the evidence reads like the definition.
        return Optional.of(
                Evidence.combine(met.stream().filter(earliest::contains).toList()));
    }

    /**
     * A group whose parts must all happen within N days of each other: met when, for some fact, the group is met
     * by facts from that one's time to N days later. The earliest such start wins.
     */
    private static Optional<Evidence> withinDays(CriteriaGroup group, LearnerProgress learner, Instant at, Span span) {
        Duration days = Duration.ofDays(group.withinDays());
        List<Instant> starts = group.requirements()
                .flatMap(requirement -> facts(requirement, learner, span).stream())
                .map(LearnerFact::occurredAt)
                .distinct()
                .sorted()
                .toList();
        for (Instant start : starts) {
            Optional<Evidence> met = group(group, learner, at, span.within(start, start.plus(days)));
            if (met.isPresent()) {
                return met;
            }
        }
        return Optional.empty();
    }

    /** One attempt at an assessment: when it was made, and its (latest) result. */
    record Attempt(Instant madeAt, LearnerFact result) {}

    /** The stretch of time whose facts count, both ends included; null ends are open. */
    record Span(Instant from, Instant to) {

        static final Span ALWAYS = new Span(null, null);

        /** Everything the learner had done by {@code to}. */
        static Span until(Instant to) {
            return new Span(null, to);
        }

        boolean contains(Instant at) {
            return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
        }

        Span within(Instant start, Instant end) {
            return new Span(
                    from == null || start.isAfter(from) ? start : from, to == null || end.isBefore(to) ? end : to);
        }
    }
}

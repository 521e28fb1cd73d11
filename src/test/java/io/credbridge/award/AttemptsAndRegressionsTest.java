package io.credbridge.award;

import static io.credbridge.award.LearningEvents.completed;
import static io.credbridge.award.LearningEvents.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.catalog.AllOf;
import io.credbridge.catalog.AssessmentPassed;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.Definitions;
import io.credbridge.catalog.ScoreOperator;
import io.credbridge.catalog.ScoreScale;
import io.credbridge.catalog.Validity;
import io.credbridge.catalog.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptsAndRegressionsTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(1));
    static final String EXAM = "https://lms.example.edu/assessments/exam";
    static final String C1 = "https://lms.example.edu/courses/1";
    static final String C2 = "https://lms.example.edu/courses/2";

    @ParameterizedTest(name = "{1} {2} on the {0} scale, attempt scoring {3}: met = {4}")
    @CsvSource({
        "scaled, >=, 0.8, 0.8, true",
        "scaled, >=, 0.8, 0.79, false",
        "scaled, >, 0.8, 0.8, false",
        "scaled, >, 0.8, 0.81, true",
        "scaled, <=, 0.3, 0.3, true",
        "scaled, <=, 0.3, 0.31, false",
        "scaled, <, 0.3, 0.3, false",
        "scaled, <, 0.3, 0.29, true",
        "scaled, ==, 0.8, 0.8000000000000002, true",
        "scaled, ==, 0.8, 0.81, false",
        "raw, >=, 40, 40, true",
        "raw, >=, 40, 39.5, false"
    })
    void eachOperatorComparesTheAttemptWithTheThresholdExactlyAtTheBoundary(
            String scale, String operator, double threshold, double value, boolean met) {
        AssessmentScore criterion = score(threshold, operator, scale, AttemptRule.BEST, null);
        LearnerProgress alice = new LearnerProgress("alice");
        alice.record(new LearnerFact(
                "alice",
                "e1",
                EXAM,
                LearnerFact.Kind.GRADED,
                null,
                T0,
                scale.equals("raw") ? value : null,
                scale.equals("scaled") ? value : null,
                null));

        assertThat(CriteriaEvaluation.evaluate(criterion, alice, NOW).isPresent())
                .isEqualTo(met);
    }

    @Test
    void bestLatestAndFirstAttemptGoByWhenTheAttemptWasMadeNotWhenItArrived() {
        LearnerProgress alice = new LearnerProgress("alice");
        // The later attempt arrives first.
        alice.record(Facts.scored("alice", "late", EXAM, 0.5, T0.plusSeconds(600)));
        alice.record(Facts.scored("alice", "early", EXAM, 0.9, T0));

        assertThat(evidence(score(0.8, ">=", "scaled", AttemptRule.BEST, null), alice))
                .containsExactly("early");
        assertThat(evidence(score(0.8, ">=", "scaled", AttemptRule.FIRST, null), alice))
                .containsExactly("early");
        assertThat(evidence(score(0.8, ">=", "scaled", AttemptRule.LATEST, null), alice))
                .isEmpty();
        assertThat(evidence(score(0.6, "<", "scaled", AttemptRule.LATEST, null), alice))
                .containsExactly("late");
    }

    @Test
    void aRegradeOfTheSameAttemptReplacesItsResultInsteadOfAddingAnAttempt() {
        LearnerProgress alice = new LearnerProgress("alice");
        alice.record(graded("first-grade", 0.9, "attempt-1", T0));
        alice.record(graded("regrade", 0.5, "attempt-1", T0.plusSeconds(3600)));

        assertThat(evidence(score(0.8, ">=", "scaled", AttemptRule.BEST, null), alice))
                .isEmpty();
        assertThat(CriteriaEvaluation.attempts(alice.factsOn(EXAM).stream()))
                .singleElement()
                .satisfies(attempt -> {
                    assertThat(attempt.madeAt()).isEqualTo(T0);
                    assertThat(attempt.result().eventId()).isEqualTo("regrade");
                });
    }

    @Test
    void aMinimumNumberOfAttemptsIsMetWhenTheNthAttemptIsMadeEvenIfThatOneFails() {
        AssessmentPassed twoTries = new AssessmentPassed(EXAM, AttemptRule.BEST, 2, null);
        LearnerProgress alice = new LearnerProgress("alice");
        alice.record(passed("pass", true, T0));
        assertThat(CriteriaEvaluation.evaluate(twoTries, alice, NOW))
                .as("one attempt of two")
                .isEmpty();

        alice.record(passed("fail", false, T0.plusSeconds(60)));

        Evidence evidence = CriteriaEvaluation.evaluate(twoTries, alice, NOW).orElseThrow();
        assertThat(evidence.eventIds()).containsExactly("pass");
        assertThat(evidence.earnedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aWindowCountsItsLastDayToTheLastInstantAndNothingAfter() {
        CourseCompleted inTerm =
                new CourseCompleted(C1, new Window(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-20")));
        LearnerProgress lastInstant = new LearnerProgress("a");
        lastInstant.record(Facts.completed("a", "e1", C1, Instant.parse("2026-12-20T23:59:59.999Z")));
        LearnerProgress nextDay = new LearnerProgress("b");
        nextDay.record(Facts.completed("b", "e1", C1, Instant.parse("2026-12-21T00:00:00Z")));
        LearnerProgress firstInstant = new LearnerProgress("c");
        firstInstant.record(Facts.completed("c", "e1", C1, Instant.parse("2026-09-01T00:00:00Z")));
        LearnerProgress dayBefore = new LearnerProgress("d");
        dayBefore.record(Facts.completed("d", "e1", C1, Instant.parse("2026-08-31T23:59:59.999Z")));

        assertThat(CriteriaEvaluation.evaluate(inTerm, lastInstant, NOW)).isPresent();
        assertThat(CriteriaEvaluation.evaluate(inTerm, nextDay, NOW)).isEmpty();
        assertThat(CriteriaEvaluation.evaluate(inTerm, firstInstant, NOW)).isPresent();
        assertThat(CriteriaEvaluation.evaluate(inTerm, dayBefore, NOW)).isEmpty();
    }

    @Test
    void partsWithinNDaysAreMetAtExactlyNDaysApartAndNotAMillisecondMore() {
        AllOf sprint = new AllOf(List.of(new CourseCompleted(C1), new CourseCompleted(C2)), 30);
        LearnerProgress exactly = new LearnerProgress("a");
        exactly.record(Facts.completed("a", "e1", C1, T0));
        exactly.record(Facts.completed("a", "e2", C2, T0.plus(Duration.ofDays(30))));
        LearnerProgress tooLate = new LearnerProgress("b");
        tooLate.record(Facts.completed("b", "e1", C1, T0));
        tooLate.record(
                Facts.completed("b", "e2", C2, T0.plus(Duration.ofDays(30)).plusMillis(1)));
        tooLate.record(Facts.completed("b", "e3", C1, T0.plus(Duration.ofDays(45))));

        assertThat(CriteriaEvaluation.evaluate(sprint, exactly, NOW)).isPresent();
        assertThat(CriteriaEvaluation.evaluate(sprint, tooLate, NOW))
                .as("the second completion of course 1 is within 30 days of course 2")
                .hasValueSatisfying(evidence -> assertThat(evidence.eventIds()).containsExactly("e3", "e2"));
        tooLate.forget("e3");
        assertThat(CriteriaEvaluation.evaluate(sprint, tooLate, NOW)).isEmpty();
    }

    @Test
    void aLaterFailingAttemptRevokesALatestAttemptCredentialAndWhatIsStackedOnItThenARetakeAwardsItAgain() {
        CredentialEvaluator evaluator = evaluator(
                Definitions.badge("exam", score(0.8, ">=", "scaled", AttemptRule.LATEST, null)),
                Definitions.badge("course", new CourseCompleted(C1)),
                Definitions.badge("certificate", new CredentialHeld("exam"), new CredentialHeld("course")));
        LearnerProgress alice = new LearnerProgress("alice");
        evaluator.apply(completed("c1", "alice", C1, T0), alice);
        List<Award> first =
                evaluator.apply(scored("pass", "alice", EXAM, 0.9, T0), alice).awards();
        assertThat(first).extracting(award -> award.credential().id()).containsExactly("exam", "certificate");

        CredentialEvaluator.Outcome failed =
                evaluator.apply(scored("fail", "alice", EXAM, 0.4, T0.plusSeconds(60)), alice);

        assertThat(failed.revocations())
                .extracting(RevocationCascade.Revocation::awardId)
                .containsExactly(first.get(0).awardId(), first.get(1).awardId());
        assertThat(failed.revocations().get(0).reason()).contains("no longer hold after event fail");
        assertThat(failed.revocations().get(1).reason()).startsWith("stacked on exam, which was revoked");
        assertThat(alice.holdsActive("exam")).isFalse();

        List<Award> again = evaluator
                .apply(scored("retake", "alice", EXAM, 0.85, T0.plusSeconds(120)), alice)
                .awards();
        assertThat(again).extracting(award -> award.credential().id()).containsExactly("exam", "certificate");
        assertThat(again.get(0).awardId()).isNotEqualTo(first.get(0).awardId());
        assertThat(again.get(0).evidenceEventIds()).containsExactly("retake");
    }

    @Test
    void underKeepALaterFailingAttemptLeavesTheAwardButAnEarlierOneArrivingLateShowsItWasNeverDue() {
        CredentialDefinition kept = Definitions.keptOnRegression(
                Definitions.badge("kept", score(0.8, ">=", "scaled", AttemptRule.FIRST, null)));
        CredentialEvaluator evaluator = evaluator(kept);
        LearnerProgress alice = new LearnerProgress("alice");
        assertThat(evaluator
                        .apply(scored("second", "alice", EXAM, 0.9, T0.plusSeconds(60)), alice)
                        .awards())
                .hasSize(1);

        CredentialEvaluator.Outcome earlier = evaluator.apply(scored("first", "alice", EXAM, 0.3, T0), alice);

        assertThat(earlier.revocations())
                .as("the first attempt, made earlier, failed: the award was never due")
                .hasSize(1);
        LearnerProgress bob = new LearnerProgress("bob");
        evaluator.apply(scored("first", "bob", EXAM, 0.9, T0), bob);
        assertThat(evaluator
                        .apply(scored("second", "bob", EXAM, 0.3, T0.plusSeconds(60)), bob)
                        .effects())
                .as("a later attempt cannot undo the first")
                .isEmpty();
    }

    @Test
    void anAwardThatWouldBeBornExpiredIsNotMadeButARecentAttemptEarnsIt() {
        CredentialEvaluator evaluator = evaluator(Definitions.withValidity(
                Definitions.badge("fresh", score(0.8, ">=", "scaled", AttemptRule.BEST, null)),
                new Validity("P30D", null)));
        LearnerProgress alice = new LearnerProgress("alice");

        assertThat(evaluator
                        .apply(scored("old", "alice", EXAM, 0.9, NOW.minus(Duration.ofDays(30))), alice)
                        .awards())
                .as("it would expire the instant it is made")
                .isEmpty();
        List<Award> awards = evaluator
                .apply(scored("recent", "alice", EXAM, 0.85, NOW.minus(Duration.ofDays(2))), alice)
                .awards();

        assertThat(awards).singleElement().satisfies(award -> {
            assertThat(award.evidenceEventIds()).containsExactly("recent");
            assertThat(award.expiresAt()).contains(NOW.plus(Duration.ofDays(28)));
        });
    }

    @Test
    void aCourseNamedByItsSisCodeIsCompletedByAnyLmsCourseMappedToItAndByNoOther() {
        CredentialEvaluator evaluator =
                evaluator(Definitions.badge("math", new CourseCompleted(null, "MATH-101", null)));
        LearnerProgress alice = new LearnerProgress("alice");
        alice.mapCourse(C1, "MATH-101");

        assertThat(evaluator.apply(completed("other", "alice", C2, T0), alice).awards())
                .as("course 2 is not mapped to MATH-101")
                .isEmpty();
        List<Award> awards =
                evaluator.apply(completed("mapped", "alice", C1, T0), alice).awards();

        assertThat(awards).singleElement().satisfies(award -> {
            assertThat(award.credential().id()).isEqualTo("math");
            assertThat(award.evidenceEventIds()).containsExactly("mapped");
        });
    }

    private static CredentialEvaluator evaluator(CredentialDefinition... definitions) {
        return new CredentialEvaluator(CredentialCatalog.of(List.of(definitions)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static AssessmentScore score(
            double threshold, String operator, String scale, AttemptRule attempt, Integer minAttempts) {
        return new AssessmentScore(
                EXAM, null, threshold, ScoreOperator.of(operator), ScoreScale.of(scale), attempt, minAttempts, null);
    }

    private static List<String> evidence(AssessmentScore criterion, LearnerProgress learner) {
        return CriteriaEvaluation.evaluate(criterion, learner, NOW)
                .map(Evidence::eventIds)
                .orElse(List.of());
    }

    private static LearnerFact graded(String eventId, double scaled, String attemptId, Instant at) {
        return new LearnerFact("alice", eventId, EXAM, LearnerFact.Kind.GRADED, attemptId, at, null, scaled, null);
    }

    private static LearnerFact passed(String eventId, boolean passed, Instant at) {
        return new LearnerFact("alice", eventId, EXAM, LearnerFact.Kind.GRADED, null, at, null, null, passed);
    }
}

package io.credbridge.award;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.catalog.AssessmentPassed;
import io.credbridge.catalog.AttemptRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossSourceDuplicatesTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String COURSE = "https://canvas.example.edu/courses/7";
    static final String EXAM = "https://canvas.example.edu/courses/7/quizzes/3";
    static final CrossSourceDuplicates FIVE_MINUTES = new CrossSourceDuplicates(Duration.ofMinutes(5));

    @Test
    void aCanvasCompletionAndTheSameCompletionThroughAnLrsCountOnceAsTheEarlier() {
        LearnerFact canvas = completed("c1", "canvas", T0.plusSeconds(40));
        LearnerFact lrs = completed("x1", "xapi", T0);

        assertThat(FIVE_MINUTES.countedOnce(List.of(canvas, lrs))).containsExactly(lrs);
        assertThat(FIVE_MINUTES.countedOnce(List.of(lrs, canvas))).containsExactly(lrs);
    }

    @Test
    void reportsFurtherApartThanTheWindowAreTwoCompletions() {
        LearnerFact canvas = completed("c1", "canvas", T0);
        LearnerFact lrs = completed("x1", "xapi", T0.plus(Duration.ofMinutes(5)).plusSeconds(1));

        assertThat(FIVE_MINUTES.countedOnce(List.of(canvas, lrs))).containsExactlyInAnyOrder(canvas, lrs);
    }

    @Test
    void twoEventsOfOneSourceAreNeverTakenForCopiesOfEachOther() {
        LearnerFact first = graded("x1", "xapi", T0, true);
        LearnerFact retake = graded("x2", "xapi", T0.plusSeconds(60), true);

        assertThat(FIVE_MINUTES.countedOnce(List.of(first, retake))).containsExactlyInAnyOrder(first, retake);
    }

    @Test
    void aFactWhoseSourceIsUnknownIsNeverTakenForACopy() {
        LearnerFact old =
                new LearnerFact("alice", "old", COURSE, LearnerFact.Kind.COMPLETED, null, T0, null, null, null);
        LearnerFact canvas = completed("c1", "canvas", T0.plusSeconds(10));

        assertThat(FIVE_MINUTES.countedOnce(List.of(old, canvas))).containsExactlyInAnyOrder(old, canvas);
    }

    @Test
    void gradesThatDisagreeAreTwoAttemptsAndACompletionIsNotAGrade() {
        LearnerFact passed = graded("c1", "canvas", T0, true);
        LearnerFact failed = graded("x1", "xapi", T0.plusSeconds(30), false);
        LearnerFact completion = completed("x2", "xapi", T0.plusSeconds(30));

        assertThat(FIVE_MINUTES.countedOnce(List.of(passed, failed, completion)))
                .containsExactlyInAnyOrder(passed, failed, completion);
    }

    @Test
    void aZeroWindowCountsEveryReport() {
        LearnerFact canvas = completed("c1", "canvas", T0);
        LearnerFact lrs = completed("x1", "xapi", T0);

        assertThat(CrossSourceDuplicates.NONE.countedOnce(List.of(canvas, lrs))).containsExactlyInAnyOrder(canvas, lrs);
    }

    @Test
    void aGradeReportedByCanvasAndByTheLrsIsOneAttemptTowardsAMinimumOfTwo() {
        AssessmentPassed twoAttempts = new AssessmentPassed(EXAM, AttemptRule.BEST, 2, null);
        LearnerProgress alice = new LearnerProgress("alice");
        alice.countOnce(FIVE_MINUTES);
        alice.record(graded("c1", "canvas", T0, true));
        alice.record(graded("x1", "xapi", T0.plusSeconds(90), true));

        assertThat(CriteriaEvaluation.evaluate(twoAttempts, alice, T0.plusSeconds(3600)))
                .isEmpty();

        alice.record(graded("x2", "xapi", T0.plusSeconds(3600), true));
        assertThat(CriteriaEvaluation.attempts(twoAttempts, alice)).hasSize(2);
        assertThat(CriteriaEvaluation.evaluate(twoAttempts, alice, T0.plusSeconds(7200)))
                .isPresent();
    }

    private static LearnerFact completed(String eventId, String source, Instant at) {
        return new LearnerFact(
                "alice", eventId, COURSE, LearnerFact.Kind.COMPLETED, null, at, null, null, null, source);
    }

    private static LearnerFact graded(String eventId, String source, Instant at, boolean passed) {
        return new LearnerFact("alice", eventId, EXAM, LearnerFact.Kind.GRADED, null, at, null, null, passed, source);
    }
}

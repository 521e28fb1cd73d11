package io.credbridge.award;

import static io.credbridge.award.LearningEvents.completed;
import static io.credbridge.award.LearningEvents.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.Criterion;
import io.credbridge.catalog.Definitions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialEvaluatorTest {

    static final String COURSE = "https://lms.example.edu/courses/101";
    static final String EXAM = "https://lms.example.edu/assessments/final";
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    static final CredentialDefinition COURSE_BADGE = definition("course-badge", new CourseCompleted(COURSE));
    static final CredentialDefinition EXAM_CERT = definition("exam-cert", new AssessmentScore(EXAM, 0.8));
    static final CredentialDefinition BOTH =
            definition("both", new CourseCompleted(COURSE), new AssessmentScore(EXAM, 0.8));

    private final CredentialEvaluator evaluator = new CredentialEvaluator(
            CredentialCatalog.of(List.of(COURSE_BADGE, EXAM_CERT, BOTH)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void awardsACourseBadgeWhenTheCourseIsCompleted() {
        LearnerProgress alice = new LearnerProgress("alice");

        CredentialEvaluator.Outcome outcome = evaluator.apply(completed("e1", "alice", COURSE, T0), alice);

        assertThat(outcome.fact()).hasValueSatisfying(fact -> {
            assertThat(fact.eventId()).isEqualTo("e1");
            assertThat(fact.activityId()).isEqualTo(COURSE);
            assertThat(fact.kind()).isEqualTo(LearnerFact.Kind.COMPLETED);
            assertThat(fact.occurredAt()).isEqualTo(T0);
        });
        assertThat(outcome.awards()).singleElement().satisfies(award -> {
            assertThat(award.credential()).isEqualTo(COURSE_BADGE);
            assertThat(award.learnerId()).isEqualTo("alice");
            assertThat(award.evidenceEventIds()).containsExactly("e1");
            assertThat(award.awardedAt()).isEqualTo(NOW);
            assertThat(award.earnedAt()).isEqualTo(T0);
            assertThat(award.triggeredBy().source()).isEqualTo("xapi");
        });
    }

    @Test
    void awardsTheScoreCertificateAtExactlyTheThreshold() {
        CredentialEvaluator.Outcome outcome =
                evaluator.apply(scored("e1", "alice", EXAM, 0.8, T0), new LearnerProgress("alice"));

        assertThat(outcome.awards())
                .extracting(award -> award.credential().id())
                .containsExactly("exam-cert");
    }

    @Test
    void awardsNothingForAScoreBelowTheThresholdButKeepsTheAttemptAsAFact() {
        LearnerProgress alice = new LearnerProgress("alice");
        CredentialEvaluator.Outcome outcome = evaluator.apply(scored("e1", "alice", EXAM, 0.79, T0), alice);

        assertThat(alice.factsOn(EXAM)).extracting(LearnerFact::scaledScore).containsExactly(0.79);
        assertThat(outcome.awards()).isEmpty();
    }

    @Test
    void awardsACredentialWithTwoRequirementsOnlyWhenBothAreMetWithBothEventsAsEvidence() {
        LearnerProgress alice = new LearnerProgress("alice");

        CredentialEvaluator.Outcome first = evaluator.apply(completed("e1", "alice", COURSE, T0), alice);
        CredentialEvaluator.Outcome second =
                evaluator.apply(scored("e2", "alice", EXAM, 0.9, T0.plusSeconds(60)), alice);

        assertThat(first.awards()).extracting(award -> award.credential().id()).containsExactly("course-badge");
        assertThat(second.awards())
                .extracting(award -> award.credential().id())
                .containsExactlyInAnyOrder("exam-cert", "both");
        Award both = second.awards().stream()
                .filter(a -> a.credential().id().equals("both"))
                .findFirst()
                .orElseThrow();
        assertThat(both.evidenceEventIds()).containsExactly("e1", "e2");
        assertThat(both.earnedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void neverAwardsACredentialTheLearnerAlreadyHolds() {
        LearnerProgress alice = new LearnerProgress("alice");
        alice.hold("course-badge", HeldAward.of("award-0", Evidence.of("e0", T0)));

        CredentialEvaluator.Outcome outcome = evaluator.apply(completed("e1", "alice", COURSE, T0), alice);

        assertThat(outcome.fact()).isPresent();
        assertThat(outcome.awards()).isEmpty();
    }

    @Test
    void completingACourseAgainAddsAFactButNoSecondAward() {
        LearnerProgress alice = new LearnerProgress("alice");
        evaluator.apply(completed("e1", "alice", COURSE, T0), alice);

        CredentialEvaluator.Outcome again = evaluator.apply(completed("e2", "alice", COURSE, T0.plusSeconds(5)), alice);

        assertThat(again.fact()).isPresent();
        assertThat(again.awards()).isEmpty();
        assertThat(alice.factsOn(COURSE)).hasSize(2);
    }

    @Test
    void anEventAboutAnotherActivityAwardsNothing() {
        CredentialEvaluator.Outcome outcome = evaluator.apply(
                completed("e1", "alice", "https://lms.example.edu/courses/999", T0), new LearnerProgress("alice"));

        assertThat(outcome.effects()).isEmpty();
    }

    @Test
    void gradingTheCourseIsNotCompletingIt() {
        CredentialEvaluator.Outcome outcome =
                evaluator.apply(scored("e1", "alice", COURSE, 1.0, T0), new LearnerProgress("alice"));

        assertThat(outcome.awards()).isEmpty();
    }

    static CredentialDefinition definition(String id, Criterion... criteria) {
        return Definitions.badge(id, criteria);
    }
}

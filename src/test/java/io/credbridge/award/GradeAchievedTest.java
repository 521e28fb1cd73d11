package io.credbridge.award;

import static io.credbridge.award.LearningEvents.completed;
import static io.credbridge.award.LearningEvents.graded;
import static io.credbridge.award.LearningEvents.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.Score;
import io.credbridge.catalog.AllOf;
import io.credbridge.catalog.AnyOf;
import io.credbridge.catalog.AssessmentPassed;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.Criterion;
import io.credbridge.catalog.Definitions;
import io.credbridge.catalog.ScoreOperator;
import io.credbridge.catalog.ScoreScale;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learner's grade achieved, from the attempt that counted through the award to its outbox payload. */
class GradeAchievedTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(1));
    static final String EXAM = "https://lms.example.edu/assessments/exam";
    static final String QUIZ = "https://lms.example.edu/assessments/quiz";
    static final String COURSE = "https://lms.example.edu/courses/1";

    @Test
    void underBestTheGradeIsTheScoreOfTheFirstAttemptThatMetTheCriterionNotOfALaterHigherOne() {
        LearnerProgress alice = new LearnerProgress("alice");
        alice.record(Facts.scored("alice", "low", EXAM, 0.6, T0));
        alice.record(Facts.scored("alice", "met", EXAM, 0.85, T0.plusSeconds(600)));
        alice.record(Facts.scored("alice", "higher", EXAM, 0.95, T0.plusSeconds(1200)));

        Evidence evidence =
                CriteriaEvaluation.evaluate(exam(AttemptRule.BEST), alice, NOW).orElseThrow();

        assertThat(evidence.eventIds()).containsExactly("met");
        assertThat(evidence.grade()).isEqualTo(new GradeAchieved(0.85, ScoreScale.SCALED, EXAM, AttemptRule.BEST));
    }

    @Test
    void underLatestTheGradeIsTheLatestAttemptsScoreEvenWhenAnEarlierOneWasHigher() {
        LearnerProgress alice = new LearnerProgress("alice");
        alice.record(Facts.scored("alice", "earlier", EXAM, 0.97, T0));
        alice.record(Facts.scored("alice", "latest", EXAM, 0.81, T0.plusSeconds(600)));

        Evidence evidence = CriteriaEvaluation.evaluate(exam(AttemptRule.LATEST), alice, NOW)
                .orElseThrow();

        assertThat(evidence.grade().value()).isEqualTo(0.81);
        assertThat(evidence.grade().attempt()).isEqualTo(AttemptRule.LATEST);
    }

    @Test
    void anAwardFromTheDefinitionsOneAssessmentCarriesTheScoreOnTheScaleTheCriterionReads() {
        AssessmentScore raw =
                new AssessmentScore(EXAM, null, 40.0, ScoreOperator.AT_LEAST, ScoreScale.RAW, null, null, null);
        CredentialDefinition badge = Definitions.badge("raw-badge", new CourseCompleted(COURSE), raw);
        LearnerProgress alice = new LearnerProgress("alice");
        CredentialEvaluator evaluator = evaluator(badge);
        evaluator.apply(completed("c1", "alice", COURSE, T0), alice);

        Award award = evaluator
                .apply(rawScore("r1", 42.5, T0.plusSeconds(60)), alice)
                .awards()
                .get(0);

        assertThat(award.gradeAchieved()).isEqualTo(new GradeAchieved(42.5, ScoreScale.RAW, EXAM, AttemptRule.BEST));
        assertThat(award.gradeAchieved().valueText()).isEqualTo("42.5");
        assertThat(AwardChange.of(award).gradeAchieved()).isEqualTo(award.gradeAchieved());
    }

    @Test
    void aPassCriterionsGradeIsTheScaledScoreAndThereIsNoneWhenTheSourceReportedOnlyPassed() {
        CredentialDefinition badge = Definitions.badge("pass-badge", new AssessmentPassed(EXAM));
        LearningEvent passedWithScore = LearningEvent.newBuilder(graded("p1", "alice", EXAM, true, T0))
                .setScore(Score.newBuilder().setPassed(true).setScaled(0.7).build())
                .build();

        Award withScore = evaluator(badge)
                .apply(passedWithScore, new LearnerProgress("alice"))
                .awards()
                .get(0);
        Award onlyPassed = evaluator(badge)
                .apply(graded("p2", "bob", EXAM, true, T0), new LearnerProgress("bob"))
                .awards()
                .get(0);

        assertThat(withScore.gradeAchieved())
                .isEqualTo(new GradeAchieved(0.7, ScoreScale.SCALED, EXAM, AttemptRule.BEST));
        assertThat(onlyPassed.gradeAchieved()).isNull();
    }

    @Test
    void anAwardFromCourseCompletionsHasNoGrade() {
        Award award = evaluator(Definitions.badge("course-badge", new CourseCompleted(COURSE)))
                .apply(completed("c1", "alice", COURSE, T0), new LearnerProgress("alice"))
                .awards()
                .get(0);

        assertThat(award.gradeAchieved()).isNull();
        assertThat(AwardChange.of(award).gradeAchieved()).isNull();
    }

    @Test
    void underAnyOfTheGradeIsTheMetAssessmentsAndAnAwardEarnedThroughTwoAssessmentsHasNone() {
        CredentialDefinition both =
                Definitions.badge("both", new AllOf(List.<Criterion>of(exam(AttemptRule.BEST), quiz())));
        CredentialDefinition either =
                Definitions.badge("either", new AnyOf(List.<Criterion>of(exam(AttemptRule.BEST), quiz())));
        CredentialEvaluator evaluator = evaluator(both, either);
        LearnerProgress alice = new LearnerProgress("alice");

        List<Award> first =
                evaluator.apply(scored("e1", "alice", EXAM, 0.9, T0), alice).awards();
        List<Award> second = evaluator
                .apply(scored("q1", "alice", QUIZ, 0.7, T0.plusSeconds(60)), alice)
                .awards();

        assertThat(first).extracting(award -> award.credential().id()).containsExactly("either");
        assertThat(first.get(0).gradeAchieved())
                .isEqualTo(new GradeAchieved(0.9, ScoreScale.SCALED, EXAM, AttemptRule.BEST));
        assertThat(second).extracting(award -> award.credential().id()).containsExactly("both");
        assertThat(second.get(0).gradeAchieved())
                .as("which of the two scores is the grade would be a guess")
                .isNull();
    }

    @Test
    void aCredentialStackedOnAGradedOneDoesNotInheritItsGrade() {
        CredentialDefinition exam = Definitions.badge("exam-badge", exam(AttemptRule.BEST));
        CredentialDefinition stacked = Definitions.badge("stacked", new CredentialHeld("exam-badge"));

        List<Award> awards = evaluator(exam, stacked)
                .apply(scored("e1", "alice", EXAM, 0.9, T0), new LearnerProgress("alice"))
                .awards();

        assertThat(awards).extracting(award -> award.credential().id()).containsExactly("exam-badge", "stacked");
        assertThat(awards.get(0).gradeAchieved().value()).isEqualTo(0.9);
        assertThat(awards.get(1).gradeAchieved()).isNull();
    }

    @Test
    void theGradeSurvivesTheOutboxPayloadAndAPayloadWrittenWithoutOneReadsAsNoGrade() {
        Award award = evaluator(Definitions.badge("exam-badge", exam(AttemptRule.LATEST)))
                .apply(scored("e1", "alice", EXAM, 0.875, T0), new LearnerProgress("alice"))
                .awards()
                .get(0);
        String json = AwardChange.of(award).toJson();

        assertThat(AwardChange.fromJson(json).gradeAchieved())
                .isEqualTo(new GradeAchieved(0.875, ScoreScale.SCALED, EXAM, AttemptRule.LATEST));
        assertThat(AwardChange.fromJson(json.replaceFirst("\"gradeAchieved\":\\{[^}]*}", "\"x\":1"))
                        .gradeAchieved())
                .isNull();
    }

    @Test
    void aScoreIsWrittenAsPlainDecimalText() {
        assertThat(new GradeAchieved(40.0, ScoreScale.RAW, EXAM, AttemptRule.BEST).valueText())
                .isEqualTo("40");
        assertThat(new GradeAchieved(0.8, ScoreScale.SCALED, EXAM, AttemptRule.BEST).valueText())
                .isEqualTo("0.8");
        assertThat(new GradeAchieved(1e-7, ScoreScale.SCALED, EXAM, AttemptRule.BEST).valueText())
                .isEqualTo("0.0000001");
    }

    private static AssessmentScore exam(AttemptRule attempt) {
        return new AssessmentScore(EXAM, null, 0.8, ScoreOperator.AT_LEAST, ScoreScale.SCALED, attempt, null, null);
    }

    private static AssessmentScore quiz() {
        return new AssessmentScore(QUIZ, 0.5);
    }

    private static LearningEvent rawScore(String eventId, double given, Instant at) {
        return LearningEvent.newBuilder(scored(eventId, "alice", EXAM, 0.0, at))
                .setScore(Score.newBuilder().setGiven(given).build())
                .build();
    }

    private static CredentialEvaluator evaluator(CredentialDefinition... definitions) {
        return new CredentialEvaluator(CredentialCatalog.of(List.of(definitions)), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}

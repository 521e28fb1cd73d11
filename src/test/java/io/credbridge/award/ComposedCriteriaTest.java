package io.credbridge.award;

import static io.credbridge.award.CredentialEvaluatorTest.definition;
import static io.credbridge.award.LearningEvents.completed;
import static io.credbridge.award.LearningEvents.graded;
import static io.credbridge.award.LearningEvents.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearningEvent;
import io.credbridge.catalog.AllOf;
import io.credbridge.catalog.AnyOf;
import io.credbridge.catalog.AssessmentPassed;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.AtLeast;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.Definitions;
import io.credbridge.catalog.ScoreOperator;
import io.credbridge.catalog.Validity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposedCriteriaTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String C1 = "https://lms.example.edu/courses/1";
    static final String C2 = "https://lms.example.edu/courses/2";
    static final String C3 = "https://lms.example.edu/courses/3";
    static final String EXAM = "https://lms.example.edu/assessments/exam";

    @Test
    void anyCourseOfAListEarnsTheCredentialWithThatCourseAsEvidence() {
        Evaluator catalog =
                catalog(definition("any-course", new AnyOf(List.of(new CourseCompleted(C1), new CourseCompleted(C2)))));

        List<Award> awards = catalog.apply(completed("e2", "alice", C2, T0));

        assertThat(awards).singleElement().satisfies(award -> {
            assertThat(award.credential().id()).isEqualTo("any-course");
            assertThat(award.evidenceEventIds()).containsExactly("e2");
        });
        assertThat(catalog.apply(completed("e1", "alice", C1, T0)))
                .as("held already")
                .isEmpty();
    }

    @Test
    void atLeastTwoOfThreeIsEarnedByTheSecondAndNotTheFirst() {
        Evaluator catalog = catalog(definition("two-of-three", twoOfThreeCourses()));

        assertThat(catalog.apply(completed("e3", "alice", C3, T0.plusSeconds(30))))
                .isEmpty();
        List<Award> awards = catalog.apply(completed("e1", "alice", C1, T0));

        assertThat(awards).singleElement().satisfies(award -> {
            assertThat(award.evidenceEventIds()).containsExactly("e1", "e3");
            assertThat(award.earnedAt()).isEqualTo(T0.plusSeconds(30));
        });
    }

    @Test
    void atLeastCountsTheCriteriaMetEarliestAsEvidenceWhenMoreAreMet() {
        AtLeast twoOfThree = twoOfThreeCourses();
        LearnerProgress alice = new LearnerProgress("alice");
        alice.record(Facts.completed("alice", "e1", C1, T0.plusSeconds(50)));
        alice.record(Facts.completed("alice", "e2", C2, T0.plusSeconds(10)));
        alice.record(Facts.completed("alice", "e3", C3, T0.plusSeconds(20)));

        Evidence evidence = CriteriaEvaluation.evaluate(twoOfThree, alice, T0).orElseThrow();

        assertThat(evidence.eventIds()).containsExactly("e2", "e3");
        assertThat(evidence.earnedAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void groupsNestToAnyDepth() {
        Evaluator catalog = catalog(definition(
                "nested",
                new CourseCompleted(C1),
                new AnyOf(List.of(
                        new AllOf(List.of(new CourseCompleted(C2), new CourseCompleted(C3))),
                        new AssessmentScore(EXAM, 0.9)))));

        assertThat(catalog.apply(completed("e1", "alice", C1, T0))).isEmpty();
        assertThat(catalog.apply(completed("e2", "alice", C2, T0))).isEmpty();
        assertThat(catalog.apply(scored("e3", "alice", EXAM, 0.95, T0)))
                .singleElement()
                .satisfies(award -> assertThat(award.evidenceEventIds()).containsExactly("e1", "e3"));
    }

    @Test
    void aScoreAboveTheThresholdIsNeededWhenTheOperatorIsStrict() {
        Evaluator catalog = catalog(definition("above", new AssessmentScore(EXAM, 0.8, ScoreOperator.ABOVE)));

        assertThat(catalog.apply(scored("e1", "alice", EXAM, 0.8, T0))).isEmpty();
        assertThat(catalog.apply(scored("e2", "alice", EXAM, 0.81, T0))).hasSize(1);
    }

    @Test
    void thePassFlagOfTheSourceMeetsAnAssessmentPassedRequirement() {
        Evaluator catalog = catalog(definition("passed", new AssessmentPassed(EXAM)));

        assertThat(catalog.apply(graded("e1", "alice", EXAM, false, T0))).isEmpty();
        assertThat(catalog.apply(graded("e2", "alice", EXAM, null, T0))).isEmpty();
        assertThat(catalog.apply(graded("e3", "alice", EXAM, true, T0)))
                .singleElement()
                .satisfies(award -> assertThat(award.evidenceEventIds()).containsExactly("e3"));
    }

    @Test
    void badgesStackIntoACertificateIntoALargerCertificateThreeLevelsDeep() {
        Evaluator catalog = catalog(
                definition("badge-one", new CourseCompleted(C1)),
                definition("badge-two", new CourseCompleted(C2)),
                definition("certificate", new CredentialHeld("badge-one"), new CredentialHeld("badge-two")),
                definition("diploma", new CredentialHeld("certificate"), new CourseCompleted(C3)));

        assertThat(ids(catalog.apply(completed("e1", "alice", C1, T0)))).containsExactly("badge-one");
        assertThat(ids(catalog.apply(completed("e3", "alice", C3, T0.plusSeconds(90)))))
                .isEmpty();
        List<Award> cascade = catalog.apply(completed("e2", "alice", C2, T0.plusSeconds(60)));

        assertThat(ids(cascade)).containsExactly("badge-two", "certificate", "diploma");
        assertThat(cascade.get(1).evidenceEventIds()).containsExactly("e1", "e2");
        assertThat(cascade.get(1).earnedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(cascade.get(2).evidenceEventIds()).containsExactly("e1", "e2", "e3");
        assertThat(cascade.get(2).earnedAt()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void aCredentialHeldFromAnEarlierBatchCountsForTheOnesStackedOnIt() {
        Evaluator catalog = catalog(
                definition("badge-one", new CourseCompleted(C1)),
                definition("badge-two", new CourseCompleted(C2)),
                definition("certificate", new CredentialHeld("badge-one"), new CredentialHeld("badge-two")));
        catalog.alice.hold("badge-one", HeldAward.of("award-1", Evidence.of("earlier", T0)));

        assertThat(ids(catalog.apply(completed("e2", "alice", C2, T0.plusSeconds(5)))))
                .containsExactly("badge-two", "certificate");
    }

    @Test
    void anExpiredPartNeverCountsForTheCredentialStackedOnIt() {
        Evaluator catalog = catalogAt(
                T0.plusSeconds(7200),
                definition("badge-one", new CourseCompleted(C1)),
                definition("badge-two", new CourseCompleted(C2)),
                definition("certificate", new CredentialHeld("badge-one"), new CredentialHeld("badge-two")));
        catalog.alice.hold(
                "badge-one", new HeldAward("award-1", Evidence.of("earlier", T0), T0.plusSeconds(3600), true));

        assertThat(ids(catalog.apply(completed("e2", "alice", C2, T0.plusSeconds(60)))))
                .containsExactly("badge-two");
    }

    @Test
    void aPartExpiringTheInstantItIsUsedNoLongerCounts() {
        LearnerProgress alice = new LearnerProgress("alice");
        Instant expiry = T0.plusSeconds(3600);
        alice.hold("badge-one", new HeldAward("award-1", Evidence.of("e1", T0), expiry, true));

        assertThat(alice.held("badge-one", expiry.minusMillis(1))).isPresent();
        assertThat(alice.held("badge-one", expiry)).isEmpty();
    }

    @Test
    void anAwardExpiresAsItsCredentialsValiditySays() {
        Evaluator catalog = catalog(Definitions.withValidity(
                Definitions.badge("two-years", new CourseCompleted(C1)), new Validity("P2Y", null)));

        Award award = catalog.apply(completed("e1", "alice", C1, Instant.parse("2026-02-28T12:00:00Z")))
                .get(0);

        assertThat(award.expiresAt()).hasValue(Instant.parse("2028-02-28T12:00:00Z"));
        assertThat(catalog.alice.held("two-years", Instant.parse("2028-02-28T11:59:59Z")))
                .isPresent();
        assertThat(catalog.alice.held("two-years", Instant.parse("2028-02-28T12:00:00Z")))
                .isEmpty();
    }

    private static AtLeast twoOfThreeCourses() {
        return new AtLeast(2, List.of(new CourseCompleted(C1), new CourseCompleted(C2), new CourseCompleted(C3)));
    }

    private static List<String> ids(List<Award> awards) {
        return awards.stream().map(award -> award.credential().id()).toList();
    }

    private static Evaluator catalog(CredentialDefinition... definitions) {
        return catalogAt(T0.plusSeconds(3600), definitions);
    }

    private static Evaluator catalogAt(Instant now, CredentialDefinition... definitions) {
        return new Evaluator(
                new CredentialEvaluator(CredentialCatalog.of(List.of(definitions)), Clock.fixed(now, ZoneOffset.UTC)));
    }

    /** One learner's progress carried from event to event, as the award stage carries it within a batch. */
    private static final class Evaluator {
        private final CredentialEvaluator evaluator;
        private final LearnerProgress alice = new LearnerProgress("alice");

        Evaluator(CredentialEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        List<Award> apply(LearningEvent event) {
            return new ArrayList<>(evaluator.apply(event, alice).awards());
        }
    }
}

package io.credbridge.award;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.catalog.AllOf;
import io.credbridge.catalog.AnyOf;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialHeld;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReportTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String C1 = "https://lms.example.edu/courses/1";
    static final String EXAM = "https://lms.example.edu/assessments/exam";

    @Test
    void showsEachCriterionMetWithItsEventAndWhatIsStillMissing() {
        LearnerProgress bob = new LearnerProgress("bob");
        bob.record(Facts.completed("bob", "e1", C1, T0));
        bob.hold("badge", new HeldAward("award-1", Evidence.of("e0", T0), T0.plusSeconds(60), true));
        AllOf certificate = new AllOf(List.of(
                new CredentialHeld("badge"),
                new CredentialHeld("other-badge"),
                new AnyOf(List.of(new CourseCompleted(C1), new AssessmentScore(EXAM, 0.8)))));

        ProgressReport.CriterionProgress report = ProgressReport.criterion(certificate, bob, T0.plusSeconds(120));

        assertThat(report.met()).isFalse();
        assertThat(report.required()).isEqualTo(3);
        assertThat(report.criteria())
                .extracting(ProgressReport.CriterionProgress::missing)
                .containsExactly(
                        "the learner's award of badge has expired", "the learner does not hold other-badge", null);
        ProgressReport.CriterionProgress anyOf = report.criteria().get(2);
        assertThat(anyOf.type()).isEqualTo("any-of");
        assertThat(anyOf.met()).isTrue();
        assertThat(anyOf.criteria().get(0).eventIds()).containsExactly("e1");
        assertThat(anyOf.criteria().get(0).metAt()).isEqualTo(T0);
        assertThat(anyOf.criteria().get(1).missing()).isEqualTo("no graded attempt on " + EXAM + " yet");
    }

    @Test
    void namesWhatIsMissingForACourseByItsSisCodeAndACompletionOutsideItsWindow() {
        LearnerProgress carol = new LearnerProgress("carol");
        carol.record(Facts.completed("carol", "e1", C1, T0));
        carol.mapCourse(C1, "STAT-101");
        CourseCompleted bySisCode = new CourseCompleted(null, "MATH-101", null);
        CourseCompleted inSpring = new CourseCompleted(
                null,
                "STAT-101",
                new io.credbridge.catalog.Window(
                        java.time.LocalDate.parse("2027-01-10"), java.time.LocalDate.parse("2027-05-20")));

        assertThat(ProgressReport.criterion(bySisCode, carol, T0).missing())
                .isEqualTo("has not completed MATH-101 yet");
        assertThat(ProgressReport.criterion(inSpring, carol, T0).missing())
                .isEqualTo("completed STAT-101 but not between 2027-01-10 and 2027-05-20, as required");
    }
}

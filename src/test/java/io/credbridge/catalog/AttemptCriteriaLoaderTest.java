package io.credbridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's attempt rules, score scales and operators, windows and spans, as read from YAML. */
class AttemptCriteriaLoaderTest extends CatalogFilesTestBase {

    @Test
    void readsAttemptRulesScalesOperatorsWindowsAndSpans() throws IOException {
        write("cert.yaml", definition("cert", """
                  - type: assessment-score
                    assessment: %s
                    score: 40
                    scale: raw
                    operator: "<="
                    attempt: latest
                    minAttempts: 2
                  - type: assessment-passed
                    assessment: %s
                    attempt: first
                    window: {from: 2026-09-01, to: 2026-12-20}
                  - type: all-of
                    withinDays: 30
                    criteria:
                      - type: course-completed
                        course: %s
                        window: {to: 2026-12-20}
                      - type: course-completed
                        course: %s
                """.formatted(EXAM, EXAM, C1, C2)));

        List<Criterion> criteria = load().find("cert").orElseThrow().criteria();

        assertThat(criteria)
                .containsExactly(
                        new AssessmentScore(
                                EXAM, null, 40.0, ScoreOperator.AT_MOST, ScoreScale.RAW, AttemptRule.LATEST, 2, null),
                        new AssessmentPassed(
                                EXAM,
                                AttemptRule.FIRST,
                                null,
                                new Window(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-20"))),
                        new AllOf(
                                List.of(
                                        new CourseCompleted(C1, new Window(null, LocalDate.parse("2026-12-20"))),
                                        new CourseCompleted(C2)),
                                30));
        assertThat(criteria.get(0).narrative())
                .isEqualTo("Score at most 40 points on the assessment " + EXAM
                        + " on the latest attempt, after at least 2 attempts.");
        assertThat(criteria.get(1).narrative())
                .isEqualTo(
                        "Pass the assessment " + EXAM + " on the first attempt (between 2026-09-01 and 2026-12-20).");
        assertThat(criteria.get(2).narrative()).startsWith("All of (within 30 days of each other): ");
    }

    @Test
    void listsEveryMistakeInThresholdsAttemptsWindowsAndSpansByField() throws IOException {
        write("cert.yaml", definition("cert", """
                  - type: assessment-score
                    assessment: %s
                  - type: assessment-score
                    assessment: %s
                    score: 0.8
                    minScore: 0.8
                  - type: assessment-score
                    assessment: %s
                    score: 80
                  - type: assessment-score
                    assessment: %s
                    minScore: 0.5
                    scale: raw
                  - type: course-completed
                    course: %s
                    window: {from: 2026-12-20, to: 2026-09-01}
                  - type: course-completed
                    course: %s
                    window: {}
                """.formatted(EXAM, EXAM, EXAM, EXAM, C1, C1)));
        // Values out of range are found by field validation, here in another file: every file's problems are listed.
        write("spans.yaml", definition("spans", """
                  - type: assessment-passed
                    assessment: %s
                    minAttempts: 0
                  - type: all-of
                    withinDays: -1
                    criteria:
                      - type: course-completed
                        course: %s
                """.formatted(EXAM, C2)));

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        InvalidCatalogException.class,
                        e -> assertThat(e.problems())
                                .hasSize(8)
                                .anySatisfy(problem -> assertThat(problem)
                                        .contains("field 'criteria[0]' must give the threshold as 'score'"))
                                .anySatisfy(problem -> assertThat(problem)
                                        .contains("field 'criteria[1]' gives both 'score' and 'minScore'"))
                                .anySatisfy(problem -> assertThat(problem)
                                        .contains(
                                                "field 'criteria[2].score' must be a scaled score between 0 and 1 (was 80.0)")
                                        .contains("scale: raw"))
                                .anySatisfy(problem ->
                                        assertThat(problem).contains("field 'criteria[3].minScore' is a scaled score"))
                                .anySatisfy(
                                        problem -> assertThat(problem)
                                                .contains(
                                                        "field 'criteria[4].window' ends (2026-09-01) before it starts (2026-12-20)"))
                                .anySatisfy(problem ->
                                        assertThat(problem).contains("field 'criteria[5].window' must give 'from'"))
                                .anySatisfy(problem -> assertThat(problem)
                                        .contains("spans.yaml: credential 'spans': field 'criteria[0].minAttempts'")
                                        .contains("positive number of attempts"))
                                .anySatisfy(problem -> assertThat(problem)
                                        .contains("spans.yaml: credential 'spans': field 'criteria[1].withinDays'")
                                        .contains("positive number of days")));
    }

    @Test
    void refusesAnAttemptRuleItDoesNotKnowSayingWhichItDoes() throws IOException {
        write("cert.yaml", definition("cert", """
                  - type: assessment-passed
                    assessment: %s
                    attempt: last
                """.formatted(EXAM)));

        assertThatThrownBy(this::load)
                .hasMessageContaining("cert.yaml: field 'criteria[0].attempt'")
                .hasMessageContaining("attempt must be best, latest or first, was 'last'");
    }

    @Test
    void aWindowNamingATermTakesTheTermsDatesAndAnUnknownTermIsNamedWithTheOnesConfigured() throws IOException {
        CredentialCatalogLoader withTerms = new CredentialCatalogLoader(
                new org.springframework.core.io.support.PathMatchingResourcePatternResolver(),
                jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator(),
                java.util.Map.of("fall-2026", new Term(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-20"))));
        write("fall.yaml", definition("fall", """
                  - type: course-completed
                    course: %s
                    window: {term: fall-2026}
                """.formatted(C1)));

        CourseCompleted inFall = (CourseCompleted) withTerms
                .load(List.of(dir.toUri() + "*.yaml"))
                .find("fall")
                .orElseThrow()
                .criteria()
                .get(0);

        assertThat(inFall.window())
                .isEqualTo(new Window(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-20"), "fall-2026"));
        assertThat(inFall.narrative()).endsWith("(in the term fall-2026, between 2026-09-01 and 2026-12-20).");

        write("spring.yaml", definition("spring", """
                  - type: course-completed
                    course: %s
                    window: {term: spring-2027}
                  - type: course-completed
                    course: %s
                    window: {term: fall-2026, from: 2026-09-01}
                """.formatted(C1, C2)));
        assertThatThrownBy(() -> withTerms.load(List.of(dir.toUri() + "*.yaml")))
                .hasMessageContaining("spring.yaml: credential 'spring': field 'criteria[0].window.term' names no term"
                        + " in credbridge.catalog.terms (was 'spring-2027'; configured: [fall-2026])")
                .hasMessageContaining("field 'criteria[1].window' names the term 'fall-2026' and dates");
    }

    @Test
    void aCourseIsNamedByItsIriOrByItsSisCodeAndNeverByBothOrNeither() throws IOException {
        write("math.yaml", definition("math", """
                  - type: course-completed
                    sisCourse: MATH-101
                """));
        assertThat(load().find("math").orElseThrow().criteria())
                .containsExactly(new CourseCompleted(null, "MATH-101", null));
        assertThat(load().credentialsListeningTo("sis-course:MATH-101"))
                .extracting(CredentialDefinition::id)
                .containsExactly("math");

        write("both.yaml", definition("both", """
                  - type: course-completed
                    course: %s
                    sisCourse: MATH-101
                  - type: course-completed
                    window: {from: 2026-09-01}
                """.formatted(C1)));
        assertThatThrownBy(this::load)
                .hasMessageContaining("both.yaml: credential 'both': field 'criteria[0]' must name the course by"
                        + " 'course' (the LMS course's IRI) or by 'sisCourse'")
                .hasMessageContaining("both.yaml: credential 'both': field 'criteria[1]' must name the course");
    }
}

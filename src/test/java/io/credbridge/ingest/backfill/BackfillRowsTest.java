package io.credbridge.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillRowsTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    static final BackfillLayout GRADEBOOK = new BackfillLayout(
            "Student ID",
            null,
            "https://lms.example.edu",
            "Course",
            "https://lms.example.edu/courses/",
            "Assignment",
            "https://lms.example.edu/assignments/",
            null,
            "Kind",
            "Score",
            null,
            "Out Of",
            null,
            "Passed",
            null,
            "When",
            "MM/dd/yyyy HH:mm",
            "America/Chicago",
            "canvas");

    static final String HEADER = "Student ID,Course,Assignment,Kind,Score,Out Of,Passed,When,Comment\n";

    @Test
    void aGradeRowBecomesAGradedEventAtItsOwnTimeInTheLayoutsZone() {
        List<BackfillRows.Row> rows = rows(HEADER + "s-1,BIO-101,quiz-3,grade,8,10,yes,03/15/2024 14:30,fine\n");

        LearningEvent event = rows.get(0).event();
        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2024-03-15T19:30:00Z"));
        assertThat(event.getReceivedAt()).isEqualTo(NOW);
        assertThat(event.getObjectId()).isEqualTo("https://lms.example.edu/assignments/quiz-3");
        assertThat(event.getCourseIds()).containsExactly("https://lms.example.edu/courses/BIO-101");
        assertThat(event.getLearnerIds().get(0).getScheme()).isEqualTo("account");
        assertThat(event.getLearnerIds().get(0).getValue()).isEqualTo("s-1");
        assertThat(event.getLearnerIds().get(0).getNamespace()).isEqualTo("https://lms.example.edu");
        assertThat(event.getScore().getGiven()).isEqualTo(8.0);
        assertThat(event.getScore().getMax()).isEqualTo(10.0);
        assertThat(event.getScore().getPassed()).isTrue();
        assertThat(event.getSource()).isEqualTo("backfill");
        assertThat(event.getSourceSystem()).isEqualTo("canvas");
    }

    @Test
    void aCompletionRowCompletesTheCourseItNames() {
        LearningEvent event = rows(HEADER + "s-1,BIO-101,,completion,,,,03/15/2024 14:30,\n")
                .get(0)
                .event();

        assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(event.getObjectId()).isEqualTo("https://lms.example.edu/courses/BIO-101");
        assertThat(event.getScore()).isNull();
    }

    @Test
    void theSameRowGetsTheSameEventIdWhereverItIsAndAnotherRowAnother() {
        String row = "s-1,BIO-101,quiz-3,grade,8,10,yes,03/15/2024 14:30,a\n";
        List<BackfillRows.Row> first = rows(HEADER + row);
        List<BackfillRows.Row> again = rows(HEADER + "\n" + "s-2,BIO-101,quiz-3,grade,8,10,yes,03/15/2024 14:30,\n"
                + row.replace(",a\n", ",another comment\n") + "s-1,BIO-101,quiz-3,grade,9,10,yes,03/15/2024 14:30,\n");

        assertThat(again.get(1).event().getEventId())
                .isEqualTo(first.get(0).event().getEventId());
        assertThat(again.get(0).event().getEventId())
                .isNotEqualTo(first.get(0).event().getEventId());
        assertThat(again.get(2).event().getEventId())
                .as("a regrade is another event")
                .isNotEqualTo(first.get(0).event().getEventId());
        assertThat(again.get(1).line()).isEqualTo(4);
    }

    @Test
    void everyBadFieldIsReportedWithItsLineAndColumn() {
        List<BackfillRows.Row> rows = rows(HEADER
                + "s-1,BIO-101,quiz-3,grade,eight,10,maybe,13/45/2024 14:30,\n"
                + ",BIO-101,,passing,,,,03/15/2024 14:30,\n"
                + "s-3,BIO-101,quiz-3,grade,,,,03/15/2024 14:30,\n"
                + "s-4,BIO-101\n");

        assertThat(rows).allSatisfy(row -> assertThat(row.event()).isNull());
        assertThat(problems(rows))
                .containsExactly(
                        "line 2, When: is not a time in the layout's format MM/dd/yyyy HH:mm: '13/45/2024 14:30'",
                        "line 2, Score: must be a number, was 'eight'",
                        "line 2, Passed: must be true or false (yes/no, 1/0), was 'maybe'",
                        "line 2, Score: a grade needs a score, a scaled score or passed",
                        "line 3, Student ID: is required",
                        "line 3, Kind: must be completion or grade, was 'passing'",
                        "line 4, Score: a grade needs a score, a scaled score or passed",
                        "line 5: has 2 field(s) but the header has 9 (a value with a comma must be quoted)");
    }

    @Test
    void aHeaderWithoutAColumnTheLayoutReadsStopsTheFileNamingIt() {
        assertThatThrownBy(() -> rows("Student ID,Course,Kind,Score,When\ns-1,BIO-101,grade,1,03/15/2024 14:30\n"))
                .isInstanceOfSatisfying(
                        BackfillRows.UnreadableHeaderException.class,
                        e -> assertThat(e.problems().stream().map(LineProblem::describe))
                                .containsExactly(
                                        "line 1, Assignment: is missing from the header; layout gradebook reads Student ID,"
                                                + " Course, Assignment, Kind, Score, Out Of, Passed, When",
                                        "line 1, Out Of: is missing from the header; layout gradebook reads Student ID,"
                                                + " Course, Assignment, Kind, Score, Out Of, Passed, When",
                                        "line 1, Passed: is missing from the header; layout gradebook reads Student ID,"
                                                + " Course, Assignment, Kind, Score, Out Of, Passed, When"));
    }

    @Test
    void isoTimesMayCarryAnOffsetOrTakeTheLayoutsZone() {
        BackfillLayout iso = completions("Europe/Paris");
        List<BackfillRows.Row> rows =
                read("learner,course,at\na,c,2024-03-15T10:00:00Z\nb,c,2024-03-15 10:00\nc,c,2024-03-15\n", iso);

        assertThat(rows.stream().map(row -> row.event().getOccurredAt()))
                .containsExactly(
                        Instant.parse("2024-03-15T10:00:00Z"),
                        Instant.parse("2024-03-15T09:00:00Z"),
                        Instant.parse("2024-03-14T23:00:00Z"));
    }

    @Test
    void aLayoutWithoutItsRequiredColumnsNamesThePropertiesToSet() {
        BackfillLayout empty = new BackfillLayout(
                null,
                "openid",
                null,
                null,
                null,
                null,
                null,
                "grade",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "yyyy-qq-bad-{",
                "Mars/Olympus",
                null);

        assertThat(empty.problems("x"))
                .anySatisfy(p -> assertThat(p).startsWith("credbridge.ingest.backfill.layouts.x.learner-column"))
                .anySatisfy(p -> assertThat(p).startsWith("credbridge.ingest.backfill.layouts.x.course-column"))
                .anySatisfy(p -> assertThat(p).startsWith("credbridge.ingest.backfill.layouts.x.occurred-at-column"))
                .anySatisfy(p -> assertThat(p).contains("a grade layout needs score-column"))
                .anySatisfy(p -> assertThat(p).contains("learner-scheme must be account or mbox"))
                .anySatisfy(p -> assertThat(p).contains("occurred-at-zone"))
                .anySatisfy(p -> assertThat(p).contains("occurred-at-format"));
    }

    /** Completions with a learner, course and at column, ISO times in the zone given (null: UTC). */
    static BackfillLayout completions(String zone) {
        return new BackfillLayout(
                "learner",
                null,
                null,
                "course",
                null,
                null,
                null,
                "completion",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "at",
                null,
                zone,
                null);
    }

    static List<BackfillRows.Row> rows(String csv) {
        return read(csv, GRADEBOOK);
    }

    static List<BackfillRows.Row> read(String csv, BackfillLayout layout) {
        List<BackfillRows.Row> rows = new ArrayList<>();
        try (BackfillRows reading = new BackfillRows(new StringReader(csv), "gradebook", layout, NOW)) {
            for (BackfillRows.Row row = reading.next(); row != null; row = reading.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static List<String> problems(List<BackfillRows.Row> rows) {
        return rows.stream()
                .flatMap(row -> row.problems().stream())
                .map(LineProblem::describe)
                .toList();
    }
}

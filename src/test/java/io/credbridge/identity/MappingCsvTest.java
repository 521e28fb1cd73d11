package io.credbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.credbridge.identity.MappingCsv.InvalidMappingFileException;
import io.credbridge.identity.MappingCsv.LineProblem;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MappingCsvTest {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final String HEADER = "kind,scheme,lms_namespace,lms_id,sis_id,sis_section,sis_term\n";

    @Test
    void readsLearnerAndCourseMappingsWithWhoUploadedThemAndWhen() {
        MappingCsv.Mappings file = MappingCsv.parse(
                HEADER
                        + "learner,account,https://lms.example.edu,alice,S0001,,\n"
                        + "learner,mbox,,alice@example.edu,S0001,,\n"
                        + "course,,,https://lms.example.edu/courses/101,MATH-101,001,2026FA\n"
                        + "course,,,https://lms.example.edu/courses/102,MATH-102,,\n",
                "registrar",
                NOW);

        assertThat(file.learners())
                .containsExactly(
                        new LearnerMapping(
                                new LearnerMappingKey("account", "https://lms.example.edu", "alice"),
                                "S0001",
                                NOW,
                                "registrar"),
                        new LearnerMapping(
                                new LearnerMappingKey("mbox", "", "alice@example.edu"), "S0001", NOW, "registrar"));
        assertThat(file.courses())
                .containsExactly(
                        new CourseMapping(
                                "https://lms.example.edu/courses/101", "MATH-101", "001", "2026FA", NOW, "registrar"),
                        new CourseMapping(
                                "https://lms.example.edu/courses/102", "MATH-102", null, null, NOW, "registrar"));
    }

    @Test
    void takesColumnsInAnyOrderAndLeavesOutTheOptionalOnes() {
        MappingCsv.Mappings file = MappingCsv.parse(
                "sis_id,lms_id,kind,scheme\r\nS0002,bob@example.edu,learner,mbox\r\n", "registrar", NOW);

        assertThat(file.learners()).singleElement().satisfies(mapping -> {
            assertThat(mapping.learner()).isEqualTo(new LearnerMappingKey("mbox", "", "bob@example.edu"));
            assertThat(mapping.sisPersonId()).isEqualTo("S0002");
        });
    }

    @Test
    void skipsAByteOrderMarkBlankLinesAndSpreadsheetRowsOfEmptyCellsAndTrimsValues() {
        MappingCsv.Mappings file = MappingCsv.parse(
                "\uFEFF" + HEADER + "\n" + " learner , mbox , , carol@example.edu , S0003 , , \n" + ",,,,,,\n\n",
                "registrar",
                NOW);

        assertThat(file.learners())
                .extracting(LearnerMapping::learner)
                .containsExactly(new LearnerMappingKey("mbox", "", "carol@example.edu"));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndCountsLinesFromWhereEachRecordStarts() {
        InvalidMappingFileException invalid = invalid(HEADER
                + "course,,,\"https://lms.example.edu/courses/a,b\",\"MATH \"\"honours\"\"\",\"sec\n2\",\n"
                + "learner,mbox,,not-an-address,S1,,\n");

        assertThat(invalid.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line())
                    .as("the record above spans lines 2 and 3")
                    .isEqualTo(4);
            assertThat(problem.column()).isEqualTo("lms_id");
        });
        MappingCsv.Mappings file = MappingCsv.parse(
                HEADER + "course,,,\"https://lms.example.edu/courses/a,b\",\"MATH \"\"honours\"\"\",\"sec\n2\",\n",
                "registrar",
                NOW);
        assertThat(file.courses()).singleElement().satisfies(course -> {
            assertThat(course.lmsCourseId()).isEqualTo("https://lms.example.edu/courses/a,b");
            assertThat(course.sisCourseCode()).isEqualTo("MATH \"honours\"");
            assertThat(course.sisSection()).isEqualTo("sec\n2");
        });
    }

    @Test
    void listsEveryBadLineWithItsLineNumberColumnAndWhatIsWrong() {
        InvalidMappingFileException invalid = invalid(HEADER
                + "learner,account,https://lms.example.edu,alice,S1,,\n"
                + "student,account,https://lms.example.edu,bob,S2,,\n"
                + "learner,email,,bob@example.edu,S2,,\n"
                + "learner,account,,carol,S3,,\n"
                + "learner,account,lms.example.edu,dave,S4,,\n"
                + "learner,mbox,https://lms.example.edu,erin@example.edu,S5,,\n"
                + "learner,mbox_sha1sum,,not-hex,S6,,\n"
                + "learner,openid,,alice,S7,,\n"
                + "learner,mbox,,frank@example.edu,,001,2026FA\n"
                + "course,,,/courses/101,MATH-101,,\n"
                + ",mbox,,gina@example.edu,S8,,\n"
                + "course,mbox,,https://lms.example.edu/courses/102,,,\n"
                + "learner,mbox,,too,many,fields,,,\n"
                + "learner,account,https://lms.example.edu,alice,S9,,\n");

        assertThat(invalid.problems())
                .extracting(LineProblem::line, LineProblem::column)
                .containsExactly(
                        tuple(3, "kind"),
                        tuple(4, "scheme"),
                        tuple(5, "lms_namespace"),
                        tuple(6, "lms_namespace"),
                        tuple(7, "lms_namespace"),
                        tuple(8, "lms_id"),
                        tuple(9, "lms_id"),
                        tuple(10, "sis_section"),
                        tuple(10, "sis_term"),
                        tuple(10, "sis_id"),
                        tuple(11, "lms_id"),
                        tuple(12, "kind"),
                        tuple(13, "scheme"),
                        tuple(13, "sis_id"),
                        tuple(14, null),
                        tuple(15, "lms_id"));
        assertThat(invalid.problems())
                .extracting(LineProblem::detail)
                .contains(
                        "must be learner or course (was 'student')",
                        "must be one of account, mbox, mbox_sha1sum, openid (was 'email')",
                        "is required: an account's homePage, e.g. https://lms.example.edu",
                        "must be 40 hexadecimal digits (the SHA-1 of the mailto IRI) (was 'not-hex')",
                        "must be empty for a learner (sections belong to courses)",
                        "is required: the learner's SIS person id",
                        "has 9 field(s) but the header has 7 (a value with a comma must be quoted)",
                        "maps the same learner identifier as line 2; map each once");
    }

    @Test
    void aCourseMappedTwiceIsReportedAtItsSecondLine() {
        InvalidMappingFileException invalid = invalid(HEADER
                + "course,,,https://lms.example.edu/courses/101,MATH-101,,\n"
                + "course,,,https://lms.example.edu/courses/101,MATH-999,,\n");

        assertThat(invalid.problems())
                .singleElement()
                .isEqualTo(new LineProblem(3, "lms_id", "maps the same course as line 2; map each once"));
    }

    @Test
    void anMboxMayCarryItsMailtoPrefixAndASha1SumAnyCaseBothStoredAsEventsCarryThem() {
        MappingCsv.Mappings file = MappingCsv.parse(
                HEADER
                        + "learner,mbox,,mailto:alice@example.edu,S1,,\n"
                        + "learner,mbox_sha1sum,,CD9B00A5611F94EAA7B1661EDAB976068E364975,S1,,\n",
                "registrar",
                NOW);

        assertThat(file.learners())
                .extracting(mapping -> mapping.learner().value())
                .containsExactly("alice@example.edu", "cd9b00a5611f94eaa7b1661edab976068e364975");
    }

    @Test
    void aHeaderWithUnknownRepeatedOrMissingColumnsIsReportedAndNoLineIsRead() {
        InvalidMappingFileException invalid =
                invalid("kind,lms_id,lms_id,person\nlearner,alice,alice,S1\nnonsense,,,\n");

        assertThat(invalid.problems())
                .containsExactly(
                        new LineProblem(1, "lms_id", "appears twice in the header"),
                        new LineProblem(
                                1,
                                "person",
                                "is not a column of a mapping file; the columns are kind, scheme, lms_namespace,"
                                        + " lms_id, sis_id, sis_section, sis_term"),
                        new LineProblem(
                                1,
                                "sis_id",
                                "is missing from the header; every file needs kind, lms_id, sis_id (learner lines"
                                        + " also scheme and lms_namespace)"));
    }

    @Test
    void anEmptyFileAFileWithoutAHeaderAndAHeaderWithoutMappingsAreRefused() {
        assertThat(invalid("").problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.detail()).startsWith("the file is empty"));
        assertThat(invalid("\uFEFF \n").problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.detail()).startsWith("the file is empty"));
        assertThat(invalid("\nkind,lms_id,sis_id\n").problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.detail()).startsWith("the first line must be the header"));
        assertThat(invalid(HEADER + "\n").problems())
                .singleElement()
                .isEqualTo(new LineProblem(2, null, "the file has a header but no mappings"));
    }

    @Test
    void aQuoteNeverClosedIsReportedAtTheLineItOpensAlongWithTheProblemsBeforeIt() {
        InvalidMappingFileException invalid =
                invalid(HEADER + "learner,mbox,,x,S1,,\n" + "learner,mbox,,\"alice@example.edu,S1,,\n");

        assertThat(invalid.problems()).extracting(LineProblem::line).containsExactly(2L, 3L);
        assertThat(invalid.problems().get(1).detail()).startsWith("a quoted field is never closed");
    }

    private static InvalidMappingFileException invalid(String csv) {
        Throwable thrown = catchThrowable(() -> MappingCsv.parse(csv, "registrar", NOW));
        assertThat(thrown).isInstanceOf(InvalidMappingFileException.class);
        return (InvalidMappingFileException) thrown;
    }

    private static Tuple tuple(long line, String column) {
        return Tuple.tuple(line, column);
    }
}

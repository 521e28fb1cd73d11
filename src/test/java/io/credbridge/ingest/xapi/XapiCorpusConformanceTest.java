package io.credbridge.ingest.xapi;

import static io.credbridge.ingest.xapi.XapiStatementValidatorTest.catchRejection;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Judges the public xAPI corpus in ../shared/corpus (never copied into this repository) by the
 * verdict SOURCES.tsv gives each file. Skipped when the corpus is not there.
 */
class XapiCorpusConformanceTest {

    private static final Path CORPUS = Path.of("")
            .toAbsolutePath()
            .resolve(Path.of("..", "shared", "corpus"))
            .normalize();

    /**
     * Files SOURCES.tsv marks valid that break a MUST of xAPI 1.0.3 (Part Two, "xAPI-Data.md"); each
     * is still checked below, to be rejected for exactly the rule named.
     */
    private static final Map<String, Violation> NON_CONFORMANT = Map.of(
            // 2.4.5.1 Score: "max: Decimal number greater than min (if present)"; Open edX sends min = max = 0
            // when nothing in the problem is weighted.
            "xapi/openedx/edx.grades.problem.submitted.weighted_possible_0.json",
            new Violation(
                    "/result/score/max", "result.score.max must be greater than result.score.min (0.0); found 0.0"),
            "xapi/openedx/edx.grades.subsection.grade_calculated.weighted_possible_0.json",
            new Violation(
                    "/result/score/max", "result.score.max must be greater than result.score.min (0.0); found 0.0"),
            "xapi/openedx/problem_check_server.max_grade_0.json",
            new Violation("/result/score/max", "result.score.max must be greater than result.score.min (0); found 0"),
            // 2.4.4 Object: objectType is Activity (the default), Agent, Group, SubStatement or StatementRef;
            // "GroupActivity" is an Open edX invention.
            "xapi/openedx/problem_check_server_multiple_questions_partial_correct.json",
            new Violation(
                    "/0/object/objectType",
                    "object.objectType must be one of \"Activity\", \"Agent\", \"Group\", "
                            + "\"StatementRef\" or \"SubStatement\"; found \"GroupActivity\""),
            // 2.4.4.1 Activity: id is an IRI, and 2.2 rejects "IRL or IRI values without a scheme"; this grouping
            // Activity's id is a bare UUID.
            "xapi/openedx/edx.special_exam.proctored.attempt.submitted.json",
            new Violation(
                    "/context/contextActivities/grouping/0/id",
                    "context.contextActivities.grouping[0].id must be an "
                            + "absolute IRI such as http://example.com/path; found \"438AD672-DE2C-4F0B-8876-35444E7DD746\""));

    private static final String CONFORMANCE = "xapi/adl-conformance/";

    /** Conformance-suite pieces: where each goes in statements_default.json, and what must then be reported. */
    private static final List<Fragment> FRAGMENTS = List.of(
            new Fragment(
                    CONFORMANCE + "verbs_no_id.json",
                    "",
                    "/verb",
                    new Violation("/verb/id", "verb.id is required in a Verb but is missing")),
            new Fragment(
                    CONFORMANCE + "agents_account_no_homepage.json",
                    "",
                    "/actor",
                    new Violation(
                            "/actor/account/homePage",
                            "actor.account.homePage is required in an Account but is missing")),
            new Fragment(
                    CONFORMANCE + "activities_interaction_type_invalid_string.json",
                    "",
                    "/object",
                    new Violation(
                            "/object/definition/interactionType",
                            "object.definition.interactionType must be one of "
                                    + "true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric"
                                    + " or other; found \"should error\"")),
            new Fragment(CONFORMANCE + "results_default.json", "", "/result", null),
            new Fragment(
                    CONFORMANCE + "statements_object_statementref_no_id.json",
                    "/object",
                    "/object",
                    new Violation("/object/id", "object.id is required in a StatementRef but is missing")),
            new Fragment(
                    CONFORMANCE + "substatements_verb_invalid.json",
                    "",
                    "/object",
                    new Violation(
                            "/object/verb/display/s-something",
                            "object.verb.display key \"s-something\" must be an RFC 5646 language tag such as en-US")));

    private static Map<String, String> xapiVerdicts;

    private final XapiStatementIngest ingest = new XapiStatementIngest(
            new XapiStatementValidator(XapiIngestProperties.defaults()),
            new XapiStatementNormalizer(),
            // Fixtures from different sources reuse ids (Open edX derives them); each is judged on its own.
            (fingerprints, acceptedAt) -> java.util.Set.of(),
            Clock.fixed(Instant.parse("2024-03-01T10:15:30Z"), ZoneOffset.UTC));

    @BeforeAll
    static void readTheCorpusVerdicts() throws IOException {
        Path sources = CORPUS.resolve("SOURCES.tsv");
        if (!Files.isRegularFile(sources)) {
            return;
        }
        try (Stream<String> lines = Files.lines(sources)) {
            xapiVerdicts = lines.map(line -> line.split("\t", -1))
                    .filter(columns -> columns.length >= 6 && columns[0].startsWith("xapi/"))
                    .collect(toMap(columns -> columns[0], columns -> columns[5], (a, b) -> b, LinkedHashMap::new));
        }
    }

    // Per test rather than per class, so a missing corpus shows up as skipped tests, not as nothing.
    @BeforeEach
    void needsTheCorpus() {
        assumeTrue(
                xapiVerdicts != null, () -> "the shared corpus is not at " + CORPUS + "; skipping the corpus checks");
    }

    @Test
    void knowsWhatToDoWithEveryXapiFileTheCorpusLists() {
        assertThat(xapiVerdicts).isNotEmpty();
        assertThat(xapiVerdicts.values())
                .allMatch(
                        verdict -> List.of("valid", "invalid", "malformed-json").contains(verdict));
        assertThat(xapiVerdicts.keySet()).allMatch(file -> Files.isRegularFile(CORPUS.resolve(file)));
        assertThat(FRAGMENTS).allMatch(fragment -> xapiVerdicts.containsKey(fragment.file()));
        assertThat(NON_CONFORMANT.keySet()).allMatch(file -> "valid".equals(xapiVerdicts.get(file)));
    }

    @TestFactory
    Stream<DynamicTest> acceptsEveryStatementTheCorpusMarksValid() {
        return files("valid")
                .filter(file -> !NON_CONFORMANT.containsKey(file) && !isFragment(file))
                .map(file -> DynamicTest.dynamicTest(file, () -> {
                    XapiBatch batch = acceptOrExplain(read(file));

                    JsonNode posted = Statements.parse(read(file));
                    assertThat(batch.statementIds()).hasSize(posted.isArray() ? posted.size() : 1);
                    assertThat(batch.events().size() + batch.ignored().size())
                            .isEqualTo(batch.statementIds().size());
                }));
    }

    @TestFactory
    Stream<DynamicTest> rejectsTheValidMarkedFilesThatBreakTheSpecForTheRuleTheyBreak() {
        return NON_CONFORMANT.entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    RejectedInputException rejected =
                            catchRejection(() -> ingest.accept(read(entry.getKey()), "1.0.3"));

                    assertThat(rejected.violations()).contains(entry.getValue());
                }));
    }

    @TestFactory
    Stream<DynamicTest> rejectsEveryFullStatementTheCorpusMarksInvalid() {
        return files("invalid")
                .filter(file -> !isFragment(file))
                .map(file -> DynamicTest.dynamicTest(file, () -> {
                    RejectedInputException rejected = catchRejection(() -> ingest.accept(read(file), "1.0.3"));

                    assertThat(rejected.status()).isEqualTo(400);
                    assertThat(rejected.title()).isEqualTo("Invalid xAPI statements");
                }));
    }

    @TestFactory
    Stream<DynamicTest> rejectsWhatTheCorpusMarksMalformedAsMalformedJson() {
        return files("malformed-json")
                .map(file -> DynamicTest.dynamicTest(file, () -> {
                    RejectedInputException rejected = catchRejection(() -> ingest.accept(read(file), "1.0.3"));

                    assertThat(rejected.title()).isEqualTo("Malformed JSON");
                    assertThat(rejected.detail()).containsPattern("at line \\d+, column \\d+");
                }));
    }

    @TestFactory
    Stream<DynamicTest> judgesEachConformanceFragmentInItsSlotOfTheDefaultStatement() {
        return FRAGMENTS.stream()
                .map(fragment -> DynamicTest.dynamicTest(fragment.file() + " as " + fragment.slot(), () -> {
                    ObjectNode statement = (ObjectNode) Statements.parse(read(CONFORMANCE + "statements_default.json"));
                    JsonNode piece = Statements.parse(read(fragment.file())).at(fragment.from());
                    statement.set(fragment.slot().substring(1), piece);

                    if (fragment.expected() == null) {
                        acceptOrExplain(statement.toString());
                    } else {
                        RejectedInputException rejected =
                                catchRejection(() -> ingest.accept(statement.toString(), "1.0.3"));
                        assertThat(rejected.violations()).containsExactly(fragment.expected());
                    }
                }));
    }

    private XapiBatch acceptOrExplain(String body) {
        try {
            return ingest.accept(body, "1.0.3");
        } catch (RejectedInputException rejected) {
            return fail("rejected: " + rejected.detail() + "\n" + rejected.violations());
        }
    }

    private static boolean isFragment(String file) {
        return FRAGMENTS.stream().anyMatch(fragment -> fragment.file().equals(file));
    }

    private static Stream<String> files(String verdict) {
        return xapiVerdicts.entrySet().stream()
                .filter(entry -> entry.getValue().equals(verdict))
                .map(Map.Entry::getKey);
    }

    private static String read(String file) {
        try {
            return Files.readString(CORPUS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param from JSON Pointer of the piece inside its file ("" for the whole file)
     * @param slot where it goes in statements_default.json
     * @param expected the one violation it must cause, or null when the statement must be accepted
     */
    private record Fragment(String file, String from, String slot, Violation expected) {}
}

package io.credbridge.ingest.xapi;

import static io.credbridge.ingest.xapi.Statements.valid;
import static io.credbridge.ingest.xapi.Statements.with;
import static io.credbridge.ingest.xapi.Statements.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.avro.Score;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XapiStatementNormalizerTest {

    private static final Instant RECEIVED = Instant.parse("2024-03-01T10:15:30.123456Z");
    private static final String ADL = "http://adlnet.gov/expapi/verbs/";

    private final XapiStatementNormalizer normalizer = new XapiStatementNormalizer();

    @Nested
    class Completions {

        @Test
        void turnsCompletedOnAnActivityIntoACourseCompletion() {
            LearningEvent event = eventOf(valid());

            assertThat(event.getEventId()).isEqualTo(Statements.ID);
            assertThat(event.getSource()).isEqualTo("xapi");
            assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
            assertThat(event.getObjectId()).isEqualTo(Statements.COURSE);
            assertThat(event.getCourseIds()).containsExactly(Statements.COURSE);
            assertThat(event.getScore()).isNull();
        }

        @Test
        void takesTheSourceSystemFromTheContextPlatform() {
            assertThat(eventOf(with(valid(), "/context/platform", "\"Moodle 4.3\""))
                            .getSourceSystem())
                    .isEqualTo("Moodle 4.3");
            assertThat(eventOf(valid()).getSourceSystem()).isNull();
            assertThat(eventOf(without(valid(), "/context")).getSourceSystem()).isNull();
        }

        @Test
        void takesOccurredAtFromTheTimestampInUtcToTheMillisecond() {
            ObjectNode statement = with(valid(), "/timestamp", "\"2020-07-15T08:36:01.917775+02:00\"");

            assertThat(eventOf(statement).getOccurredAt()).isEqualTo(Instant.parse("2020-07-15T06:36:01.917Z"));
        }

        @Test
        void readsALeapSecondAsTheSecondBefore() {
            ObjectNode statement = with(valid(), "/timestamp", "\"2016-12-31T23:59:60Z\"");

            assertThat(eventOf(statement).getOccurredAt()).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
        }

        @Test
        void usesTheReceiveTimeWhenTheStatementHasNoTimestamp() {
            LearningEvent event = eventOf(without(valid(), "/timestamp"));

            assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123Z"));
            assertThat(event.getReceivedAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123Z"));
        }
    }

    @Nested
    class Learners {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                {"mbox": "mailto:ada@example.edu"}                                   | mbox         | ada@example.edu |
                {"mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}          | mbox_sha1sum | ebd31e95054c018b10727ccffd2ef2ec3a016ee9 |
                {"openid": "https://openid.example.com/ada"}                          | openid       | https://openid.example.com/ada |
                {"objectType": "Agent", "account": {"homePage": "https://lms.example.edu", "name": "42"}} | account | 42 | https://lms.example.edu
                """)
        void identifiesTheLearnerByTheActorsIdentifier(String actor, String scheme, String value, String namespace) {
            LearningEvent event = eventOf(with(valid(), "/actor", actor));

            assertThat(event.getLearnerIds()).containsExactly(new LearnerIdentifier(scheme, value, namespace));
        }

        @Test
        void givesAGroupActorNoLearnerIdsSoTheAwardStageDeadLettersIt() {
            ObjectNode statement = with(
                    valid(),
                    "/actor",
                    "{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.edu\", "
                            + "\"member\": [{\"mbox\": \"mailto:ada@example.edu\"}]}");

            assertThat(eventOf(statement).getLearnerIds()).isEmpty();
        }
    }

    @Nested
    class Assessments {

        @ParameterizedTest
        @ValueSource(strings = {"passed", "failed", "scored"})
        void turnsPassedFailedAndScoredIntoAnAssessmentGrade(String verb) {
            LearningEvent event = eventOf(verb(valid(), verb));

            assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
            assertThat(event.getObjectId()).isEqualTo(Statements.COURSE);
        }

        @Test
        void takesTheCoursesFromParentThenGroupingWithoutRepeats() {
            ObjectNode statement = with(verb(valid(), "passed"), "/context/contextActivities", """
                    {"parent": [{"id": "https://lms.example.edu/courses/7"}, {"id": "https://lms.example.edu/sections/3"}],
                     "grouping": [{"id": "https://lms.example.edu/courses/7"}, {"id": "https://lms.example.edu/programs/1"}],
                     "category": [{"id": "https://lms.example.edu/categories/x"}]}
                    """);

            assertThat(eventOf(statement).getCourseIds())
                    .containsExactly(
                            "https://lms.example.edu/courses/7",
                            "https://lms.example.edu/sections/3",
                            "https://lms.example.edu/programs/1");
        }

        @Test
        void acceptsParentAndGroupingGivenAsSingleObjects() {
            ObjectNode statement = with(
                    verb(valid(), "scored"),
                    "/context/contextActivities",
                    "{\"parent\": {\"id\": \"https://lms.example.edu/courses/7\"}, \"grouping\": {\"id\": \"https://lms.example.edu/programs/1\"}}");

            assertThat(eventOf(statement).getCourseIds())
                    .containsExactly("https://lms.example.edu/courses/7", "https://lms.example.edu/programs/1");
        }

        @Test
        void hasNoCoursesWhenTheContextNamesNone() {
            assertThat(eventOf(without(verb(valid(), "passed"), "/context")).getCourseIds())
                    .isEmpty();
        }

        @Test
        void keepsTheReportedScoreAsItIs() {
            ObjectNode statement = with(
                    verb(valid(), "scored"),
                    "/result",
                    "{\"score\": {\"scaled\": 0.5, \"raw\": 45, \"min\": 10, \"max\": 90}}");

            assertThat(eventOf(statement).getScore()).isEqualTo(new Score(45.0, 10.0, 90.0, 0.5, null));
        }

        @Test
        void computesTheScaledScoreFromRawMinAndMax() {
            ObjectNode statement =
                    with(verb(valid(), "scored"), "/result", "{\"score\": {\"raw\": 30, \"min\": 10, \"max\": 90}}");

            assertThat(eventOf(statement).getScore().getScaled()).isEqualTo(0.25);
        }

        @Test
        void computesTheScaledScoreWithMinDefaultingToZero() {
            ObjectNode statement = with(verb(valid(), "scored"), "/result", "{\"score\": {\"raw\": 45, \"max\": 60}}");

            assertThat(eventOf(statement).getScore()).isEqualTo(new Score(45.0, null, 60.0, 0.75, null));
        }

        @Test
        void leavesTheScaledScoreUnknownWithoutARawScoreOrAMaximum() {
            ObjectNode rawOnly = with(verb(valid(), "scored"), "/result", "{\"score\": {\"raw\": 45}}");
            ObjectNode maxOnly = with(verb(valid(), "scored"), "/result", "{\"score\": {\"max\": 60}}");

            assertThat(eventOf(rawOnly).getScore()).isEqualTo(new Score(45.0, null, null, null, null));
            assertThat(eventOf(maxOnly).getScore()).isEqualTo(new Score(null, null, 60.0, null, null));
        }

        @Test
        void leavesTheScaledScoreUnknownWhenMaxIsNotAboveTheDefaultMinimum() {
            ObjectNode statement = with(verb(valid(), "scored"), "/result", "{\"score\": {\"raw\": -5, \"max\": -1}}");

            assertThat(eventOf(statement).getScore().getScaled()).isNull();
        }

        @ParameterizedTest
        @CsvSource(textBlock = """
                passed, true
                failed, false
                """)
        void judgesPassFromTheVerbWhenTheResultDoesNotSay(String verb, boolean passed) {
            ObjectNode statement = with(verb(valid(), verb), "/result", "{\"score\": {\"scaled\": 0.7}}");

            assertThat(eventOf(statement).getScore().getPassed()).isEqualTo(passed);
        }

        @Test
        void prefersTheResultsSuccessOverTheVerb() {
            ObjectNode statement =
                    with(verb(valid(), "passed"), "/result", "{\"success\": false, \"score\": {\"scaled\": 0.7}}");

            assertThat(eventOf(statement).getScore().getPassed()).isFalse();
        }

        @Test
        void leavesPassUnknownForScoredWithoutSuccess() {
            ObjectNode statement = with(verb(valid(), "scored"), "/result", "{\"score\": {\"scaled\": 0.7}}");

            assertThat(eventOf(statement).getScore().getPassed()).isNull();
        }

        @Test
        void reportsOnlyThePassWhenThereIsNoScore() {
            assertThat(eventOf(without(verb(valid(), "failed"), "/result")).getScore())
                    .isEqualTo(new Score(null, null, null, null, false));
        }

        @Test
        void hasNoScoreWhenThereIsNeitherAScoreNorAKnownPass() {
            assertThat(eventOf(without(verb(valid(), "scored"), "/result")).getScore())
                    .isNull();
            assertThat(eventOf(with(verb(valid(), "scored"), "/result", "{\"score\": {}, \"completion\": true}"))
                            .getScore())
                    .isNull();
        }
    }

    @Nested
    class IgnoredStatements {

        @Test
        void aVoidingStatementBecomesAVoidedEventNamingTheStatementItWithdraws() {
            ObjectNode statement = with(
                    with(valid(), "/verb/id", "\"http://adlnet.gov/expapi/verbs/voided\""),
                    "/object",
                    "{\"objectType\": \"StatementRef\", \"id\": \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"}");

            Normalized normalized = normalizer.normalize(statement, RECEIVED);

            assertThat(normalized).isInstanceOfSatisfying(Normalized.Event.class, event -> {
                assertThat(event.event().getType()).isEqualTo(LearningEventType.VOIDED);
                assertThat(event.event().getObjectId()).isEqualTo("e05aa883-acaf-40ad-bf54-02c8ce485fb0");
                assertThat(event.event().getEventId()).isEqualTo(Statements.ID);
                assertThat(event.event().getCourseIds()).isEmpty();
                assertThat(event.event().getScore()).isNull();
            });
        }

        @Test
        void aVoidingStatementWhoseObjectIsNoStatementRefIsIgnoredSayingWhy() {
            ObjectNode statement = with(valid(), "/verb/id", "\"http://adlnet.gov/expapi/verbs/voided\"");

            assertThat(normalizer.normalize(statement, RECEIVED))
                    .isEqualTo(new Normalized.Ignored(new IgnoredStatement(
                            Statements.ID,
                            "http://adlnet.gov/expapi/verbs/voided",
                            "a voiding statement's object must be a StatementRef, not an Activity")));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "http://adlnet.gov/expapi/verbs/experienced",
                    "http://adlnet.gov/expapi/verbs/launched",
                    "https://w3id.org/xapi/tla/verbs/scored",
                    "http://adlnet.gov/expapi/verbs/completed/"
                })
        void ignoresVerbsItDoesNotActOn(String verbId) {
            ObjectNode statement = with(valid(), "/verb/id", "\"" + verbId + "\"");

            assertThat(normalizer.normalize(statement, RECEIVED))
                    .isEqualTo(new Normalized.Ignored(new IgnoredStatement(
                            Statements.ID,
                            verbId,
                            "CredBridge acts only on the ADL verbs completed, passed, failed, scored and voided")));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                {"objectType": "StatementRef", "id": "e05aa883-acaf-40ad-bf54-02c8ce485fb0"} | the object is a StatementRef, not an Activity
                {"objectType": "Agent", "mbox": "mailto:b@example.com"}                     | the object is an Agent, not an Activity
                {"objectType": "SubStatement", "actor": {"mbox": "mailto:b@example.com"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}, "object": {"id": "http://example.com/c"}} | the object is a SubStatement, not an Activity
                """)
        void ignoresAnActedOnVerbWhenTheObjectIsNotAnActivity(String object, String reason) {
            ObjectNode statement = with(valid(), "/object", object);

            assertThat(normalizer.normalize(statement, RECEIVED))
                    .isEqualTo(new Normalized.Ignored(new IgnoredStatement(Statements.ID, ADL + "completed", reason)));
        }
    }

    @Test
    void refusesAStatementWithoutIdBecauseTheIngestAssignsOneFirst() {
        assertThatIllegalArgumentException().isThrownBy(() -> normalizer.normalize(without(valid(), "/id"), RECEIVED));
    }

    private LearningEvent eventOf(JsonNode statement) {
        return assertThat(normalizer.normalize(statement, RECEIVED))
                .asInstanceOf(type(Normalized.Event.class))
                .actual()
                .event();
    }

    private static ObjectNode verb(ObjectNode statement, String adlVerb) {
        return with(
                statement,
                "/verb",
                "{\"id\": \"" + ADL + adlVerb + "\", \"display\": {\"en-US\": \"" + adlVerb + "\"}}");
    }
}

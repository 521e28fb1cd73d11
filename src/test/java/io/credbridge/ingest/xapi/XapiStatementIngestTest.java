package io.credbridge.ingest.xapi;

import static io.credbridge.ingest.xapi.Statements.arrayOf;
import static io.credbridge.ingest.xapi.Statements.valid;
import static io.credbridge.ingest.xapi.Statements.with;
import static io.credbridge.ingest.xapi.Statements.without;
import static io.credbridge.ingest.xapi.XapiStatementValidatorTest.catchRejection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.avro.LearningEvent;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XapiStatementIngestTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");
    private static final String SECOND_ID = "1b8c7f4e-2a3d-4e5f-8a6b-7c8d9e0f1a2b";
    private static final String THIRD_ID = "e05aa883-acaf-40ad-bf54-02c8ce485fb0";

    private final XapiStatementIngest ingest = ingestAllowing(1000);

    @Test
    void acceptsASingleStatementAndAnswersWithItsId() {
        XapiBatch batch = ingest.accept(valid().toString(), "1.0.3");

        assertThat(batch.statementIds()).containsExactly(Statements.ID);
        assertThat(batch.events()).extracting(LearningEvent::getEventId).containsExactly(Statements.ID);
        assertThat(batch.ignored()).isEmpty();
    }

    @Test
    void acceptsAnArrayAndKeepsRequestOrderAcrossEventsAndIgnoredStatements() {
        ObjectNode launched = with(
                with(valid(), "/id", "\"" + SECOND_ID + "\""),
                "/verb/id",
                "\"http://adlnet.gov/expapi/verbs/launched\"");
        ObjectNode passed = with(
                with(valid(), "/id", "\"" + THIRD_ID + "\""), "/verb/id", "\"http://adlnet.gov/expapi/verbs/passed\"");

        XapiBatch batch = ingest.accept(arrayOf(valid(), launched, passed), "1.0.3");

        assertThat(batch.statementIds()).containsExactly(Statements.ID, SECOND_ID, THIRD_ID);
        assertThat(batch.events()).extracting(LearningEvent::getEventId).containsExactly(Statements.ID, THIRD_ID);
        assertThat(batch.ignored())
                .containsExactly(new IgnoredStatement(
                        SECOND_ID,
                        "http://adlnet.gov/expapi/verbs/launched",
                        "CredBridge acts only on the ADL verbs completed, passed, failed, scored and voided"));
    }

    @Test
    void derivesAStableIdForAStatementWithoutIdFromActorVerbObjectAndTimestampAsLogstoreXapiSendsThem() {
        ObjectNode first = without(valid(), "/id");
        ObjectNode later = with(first.deepCopy(), "/timestamp", "\"2024-03-01T10:20:00Z\"");
        ObjectNode sameInstantOtherOffset = with(first.deepCopy(), "/timestamp", "\"2024-03-01T12:20:00+02:00\"");

        XapiBatch batch = ingest.accept(arrayOf(first, later), "1.0.3");
        XapiBatch sentAgain = ingest.accept(arrayOf(first, sameInstantOtherOffset), "1.0.3");

        assertThat(batch.statementIds())
                .hasSize(2)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(3));
        assertThat(sentAgain.statementIds()).isEqualTo(batch.statementIds());
        assertThat(batch.events()).extracting(LearningEvent::getEventId).isEqualTo(batch.statementIds());
    }

    @Test
    void assignsARandomUuidToAStatementWithoutIdOrTimestamp() {
        ObjectNode untimed = without(without(valid(), "/id"), "/timestamp");

        XapiBatch batch = ingest.accept(arrayOf(untimed, untimed.deepCopy()), "1.0.3");

        assertThat(batch.statementIds())
                .hasSize(2)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
    }

    @Test
    void stampsEveryEventWithTheClocksReceiveTime() {
        XapiBatch batch = ingest.accept(
                arrayOf(valid(), without(with(valid(), "/id", "\"" + SECOND_ID + "\""), "/timestamp")), "1.0.3");

        assertThat(batch.events()).extracting(LearningEvent::getReceivedAt).containsOnly(NOW);
        assertThat(batch.events().get(1).getOccurredAt()).isEqualTo(NOW);
    }

    @Test
    void rejectsARequestWithoutTheVersionHeader() {
        RejectedInputException rejected = catchRejection(() -> ingest.accept(valid().toString(), null));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.detail()).contains("X-Experience-API-Version header is missing");
    }

    @Test
    void rejectsARequestWithAnUnsupportedVersionHeader() {
        RejectedInputException rejected = catchRejection(() -> ingest.accept(valid().toString(), "0.95"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.detail())
                .isEqualTo("The X-Experience-API-Version header says \"0.95\", which CredBridge does not"
                        + " accept; send X-Experience-API-Version: 1.0.3 (accepted: 1.0, 1.0.x, 2.0, 2.0.x)");
    }

    @Test
    void rejectsMalformedJsonNamingLineAndColumn() {
        RejectedInputException rejected = catchRejection(() -> ingest.accept("[\n" + valid() + ",\n]", "1.0.3"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.title()).isEqualTo("Malformed JSON");
        assertThat(rejected.detail())
                .startsWith("The body is not valid JSON at line 3, column 1: Unexpected character (']'");
    }

    @Test
    void answers413ForMoreStatementsThanAllowed() {
        RejectedInputException rejected = catchRejection(() ->
                ingestAllowing(1).accept(arrayOf(without(valid(), "/id"), without(valid(), "/id")), "1.0.3"));

        assertThat(rejected.status()).isEqualTo(413);
    }

    @Test
    void rejectsABatchThatRepeatsAStatementId() {
        RejectedInputException rejected = catchRejection(() -> ingest.accept(arrayOf(valid(), valid()), "1.0.3"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.violations()).extracting(Violation::pointer).containsExactly("/1/id");
    }

    @Test
    void rejectsTheWholeBatchWhenOneStatementIsInvalid() {
        ObjectNode badActor = with(with(valid(), "/id", "\"" + SECOND_ID + "\""), "/actor/mbox", "\"ada@example.edu\"");

        RejectedInputException rejected = catchRejection(() -> ingest.accept(arrayOf(valid(), badActor), "1.0.3"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.violations())
                .containsExactly(
                        new Violation(
                                "/1/actor/mbox",
                                "actor.mbox must be a mailto IRI such as mailto:learner@example.com; found \"ada@example.edu\""));
    }

    @Nested
    class Puts {

        @Test
        void storesTheStatementTheStatementIdNamesAndAnswers204() {
            XapiBatch batch =
                    receive(ingest, "PUT", Statements.ID, null, "application/json", valid().toString(), "1.0.3");

            assertThat(batch.status()).isEqualTo(204);
            assertThat(batch.statementIds()).containsExactly(Statements.ID);
            assertThat(batch.events()).extracting(LearningEvent::getEventId).containsExactly(Statements.ID);
        }

        @Test
        void publishesAStatementWithoutIdUnderTheStatementId() {
            XapiBatch batch = receive(
                    ingest,
                    "PUT",
                    SECOND_ID,
                    null,
                    "application/json",
                    without(valid(), "/id").toString(),
                    "1.0.3");

            assertThat(batch.events()).extracting(LearningEvent::getEventId).containsExactly(SECOND_ID);
        }

        @Test
        void answersAPostWithTheIdsAnd200() {
            XapiBatch batch = receive(ingest, "POST", null, null, "application/json", valid().toString(), "1.0.3");

            assertThat(batch.status()).isEqualTo(200);
            assertThat(batch.statementIds()).containsExactly(Statements.ID);
        }
    }

    @Nested
    class RepeatedIds {

        private final InMemoryAcceptedStatements accepted = new InMemoryAcceptedStatements();
        private final XapiStatementIngest remembering = ingestRemembering(1000, accepted);

        @Test
        void acceptsTheSameStatementAgainAndPublishesItAgainForTheAwardStageToDeduplicate() {
            remembering.accept(valid().toString(), "1.0.3");

            XapiBatch again =
                    receive(remembering, "PUT", Statements.ID, null, "application/json", valid().toString(), "1.0.3");

            assertThat(again.events()).extracting(LearningEvent::getEventId).containsExactly(Statements.ID);
        }

        @Test
        void treatsWhatAnLrsSetsAndEqualSerializationsAsTheSameStatement() {
            remembering.accept(valid().toString(), "1.0.3");
            ObjectNode reserialized = with(valid(), "/timestamp", "\"2020-07-15T08:36:01.917775+02:00\"");
            with(reserialized, "/context/contextActivities/parent", "{\"id\": \"https://lms.example.edu/programs/7\"}");
            with(reserialized, "/stored", "\"2020-07-15T06:40:00Z\"");
            with(reserialized, "/version", "\"1.0.0\"");

            assertThat(remembering.accept(reserialized.toString(), "1.0.3").statementIds())
                    .containsExactly(Statements.ID);
        }

        @Test
        void answers409ForAnAcceptedIdWithOtherContentAndNamesIt() {
            remembering.accept(valid().toString(), "1.0.3");
            ObjectNode changed = with(valid(), "/result/score/scaled", "0.2");

            RejectedInputException rejected = catchRejection(() ->
                    receive(remembering, "PUT", Statements.ID, null, "application/json", changed.toString(), "1.0.3"));

            assertThat(rejected.status()).isEqualTo(409);
            assertThat(rejected.title()).isEqualTo("Statement id already used");
            assertThat(rejected.violations())
                    .containsExactly(new Violation(
                            "/id",
                            "statement " + Statements.ID + " was accepted before with different content; a statement"
                                    + " id names one statement for good"));
        }

        @Test
        void rejectsTheWholeBatchAndRemembersNoneOfItWhenOneIdConflicts() {
            remembering.accept(valid().toString(), "1.0.3");
            ObjectNode fresh = with(valid(), "/id", "\"" + SECOND_ID + "\"");
            ObjectNode changed = with(valid(), "/result/success", "false");

            RejectedInputException rejected =
                    catchRejection(() -> remembering.accept(arrayOf(fresh, changed), "1.0.3"));

            assertThat(rejected.violations()).extracting(Violation::pointer).containsExactly("/1/id");
            assertThat(accepted.size()).isEqualTo(1);
        }

        @Test
        void comparesIdsWithoutRegardToCase() {
            remembering.accept(valid().toString(), "1.0.3");
            ObjectNode changed = with(
                    with(valid(), "/id", "\"" + Statements.ID.toUpperCase(java.util.Locale.ROOT) + "\""),
                    "/result/success",
                    "false");

            assertThat(catchRejection(() -> remembering.accept(changed.toString(), "1.0.3"))
                            .status())
                    .isEqualTo(409);
        }
    }

    @Nested
    class RequestForms {

        @ParameterizedTest
        @ValueSource(strings = {"PUT", "GET", "put"})
        void refusesTheAlternateRequestSyntaxSayingWhatToSendInstead(String method) {
            RejectedInputException rejected = catchRejection(() -> receive(
                    ingest, "POST", null, method, "application/x-www-form-urlencoded", "content=%7B%7D", "1.0.3"));

            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.detail())
                    .startsWith("The alternate request syntax (POST ?method=" + method + " with a form body) is not"
                            + " supported")
                    .contains("PUT /lms/xapi/statements?statementId=<uuid>");
        }

        @ParameterizedTest
        @ValueSource(strings = {"multipart/form-data; boundary=x", "multipart/related; boundary=x"})
        void refusesMultipartTypesOtherThanMixedSayingHowAttachmentsAreSent(String contentType) {
            RejectedInputException rejected =
                    catchRejection(() -> receive(ingest, "POST", null, null, contentType, "--x--", "1.0.3"));

            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.detail())
                    .isEqualTo("Content-Type " + contentType + " is not accepted here. Statements with attachment"
                            + " parts are sent as multipart/mixed (xAPI 1.0.3, Communication 1.5.2), the statements in"
                            + " the first part; without attachment parts, as application/json.");
        }

        @Test
        void refusesAFormBodyWithoutMethod() {
            RejectedInputException rejected = catchRejection(() -> receive(
                    ingest, "POST", null, null, "application/x-www-form-urlencoded", "content=%7B%7D", "1.0.3"));

            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.detail()).contains("alternate request syntax");
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.NullSource
        @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "text/plain"})
        void readsEveryOtherBodyAsJson(String contentType) {
            assertThat(receive(ingest, "POST", null, null, contentType, valid().toString(), "1.0.3")
                            .statementIds())
                    .containsExactly(Statements.ID);
        }
    }

    static XapiBatch receive(
            XapiStatementIngest ingest,
            String method,
            String statementId,
            String alternateMethod,
            String contentType,
            String body,
            String version) {
        return ingest.receive(
                method,
                statementId,
                alternateMethod,
                contentType,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                version);
    }

    private static XapiStatementIngest ingestAllowing(int maxStatements) {
        return ingestRemembering(maxStatements, new InMemoryAcceptedStatements());
    }

    private static XapiStatementIngest ingestRemembering(int maxStatements, AcceptedStatements accepted) {
        return new XapiStatementIngest(
                new XapiStatementValidator(new XapiIngestProperties(maxStatements)),
                new XapiStatementNormalizer(),
                accepted,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}

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
import org.junit.jupiter.api.Test;

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
    void assignsARandomUuidToAStatementWithoutIdAndUsesItAsTheEventId() {
        XapiBatch batch = ingest.accept(arrayOf(without(valid(), "/id"), without(valid(), "/id")), "1.0.3");

        assertThat(batch.statementIds())
                .hasSize(2)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
        assertThat(batch.events()).extracting(LearningEvent::getEventId).isEqualTo(batch.statementIds());
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

    private static XapiStatementIngest ingestAllowing(int maxStatements) {
        return new XapiStatementIngest(
                new XapiStatementValidator(new XapiIngestProperties(maxStatements)),
                new XapiStatementNormalizer(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}

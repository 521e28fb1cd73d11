package io.credbridge.ingest.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ops.CredBridgeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Moodle events as local_webhooks and tool_trigger send them, against the corpus where it helps. */
class MoodleWebhookIngestTest {

    static final String SITE = "https://moodle.example.edu";
    static final String TOKEN = "moodle-site-token-0123456789abcdef";
    static final Path CORPUS = Path.of("")
            .toAbsolutePath()
            .resolve(Path.of("..", "shared", "corpus", "moodle"))
            .normalize();

    private final ObjectMapper json = new ObjectMapper();
    private final MoodleWebhookIngest ingest = new MoodleWebhookIngest(
            new MoodleSites(List.of(new MoodleIngestProperties.Site(SITE + "/", TOKEN))),
            new MoodleEventNormalizer(),
            new CredBridgeMetrics(new SimpleMeterRegistry()),
            Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aCourseCompletionWithTheTokenInTheBodyNamesTheCompletingUserNotTheActor() throws IOException {
        ObjectNode completion = corpus("logstore_xapi/core__course_completed__completing_existing_course.event.json");
        completion.put("userid", 0).put("relateduserid", "77").put("token", TOKEN);

        MoodleDelivery delivery = ingest.accept(completion.toString(), null);

        LearningEvent event = delivery.events().get(0);
        assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(event.getSource()).isEqualTo("moodle");
        assertThat(event.getSourceSystem()).isEqualTo(SITE);
        assertThat(event.getLearnerIds()).containsExactly(new LearnerIdentifier("account", "77", SITE));
        assertThat(event.getObjectId()).isEqualTo(SITE + "/course/view.php?id=2");
        assertThat(event.getCourseIds()).containsExactly(SITE + "/course/view.php?id=2");
        assertThat(event.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1433946701));
        assertThat(ingest.accept(completion.toString(), null).events().get(0).getEventId())
                .as("the same event delivered again gets the same id")
                .isEqualTo(event.getEventId());
    }

    @Test
    void aGradeWithABearerTokenIsAGradedAssessmentOfItsGradeItemWithTheFinalGrade() {
        String graded = """
                {"eventname": "\\\\core\\\\event\\\\user_graded", "courseid": "2", "objectid": "31",
                 "relateduserid": "77", "userid": "3", "timecreated": 1764496800,
                 "other": {"itemid": 12, "overridden": false, "finalgrade": "85.00000"}}
                """;

        LearningEvent event = ingest.accept(graded, "Bearer " + TOKEN).events().get(0);

        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getObjectId()).isEqualTo(SITE + "/grade/edit/tree/item.php?courseid=2&id=12");
        assertThat(event.getScore().getGiven()).isEqualTo(85.0);
        assertThat(event.getAttemptId()).isEqualTo("31");
        assertThat(event.getLearnerIds())
                .extracting(LearnerIdentifier::getValue)
                .containsExactly("77");
    }

    @Test
    void aSubmittedQuizAttemptIsAnAssessmentOfTheQuizWithoutAScoreYet() throws IOException {
        ObjectNode attempt = corpus("logstore_xapi/mod_quiz__attempt_submitted__multichoice.event.json");

        LearningEvent event =
                ingest.accept(attempt.toString(), "Bearer " + TOKEN).events().get(0);

        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getObjectId()).isEqualTo(SITE + "/mod/quiz/view.php?id=1");
        assertThat(event.getScore()).isNull();
    }

    @Test
    void anyOtherEventIsAcceptedAndIgnoredBecauseLocalWebhooksSendsThemAll() throws IOException {
        ObjectNode viewed = corpus("local_webhooks_course_viewed_example.json");
        viewed.put("token", TOKEN);

        MoodleDelivery delivery = ingest.accept(viewed.toString(), null);

        assertThat(delivery.events()).isEmpty();
        assertThat(delivery.ignoredBecause()).contains("\\core\\event\\course_viewed");
    }

    @Test
    void aMissingOrWrongTokenIsA401SayingWhereTheTokenGoes() {
        String completion = """
                {"eventname": "\\\\core\\\\event\\\\course_completed", "courseid": 2, "relateduserid": 7,
                 "timecreated": 1764496800}
                """;

        assertThatThrownBy(() -> ingest.accept(completion, null))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(401);
                    assertThat(rejected.detail()).contains("token").contains("Authorization: Bearer");
                    assertThat(rejected.challenge()).contains("Bearer");
                });
        assertThatThrownBy(() -> ingest.accept(completion, "Bearer not-the-token-of-any-site"))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        rejected -> assertThat(rejected.detail())
                                .contains("not the token of any site")
                                .doesNotContain("not-the-token-of-any-site"));
    }

    @Test
    void aCompletionWithoutTheLearnerIsA400NamingTheField() {
        String completion = """
                {"eventname": "\\\\core\\\\event\\\\course_completed", "courseid": 2, "relateduserid": null,
                 "timecreated": 1764496800, "token": "%s"}
                """.formatted(TOKEN);

        assertThatThrownBy(() -> ingest.accept(completion, null))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(400);
                    assertThat(rejected.violations())
                            .extracting(RejectedInputException.Violation::pointer)
                            .containsExactly("/relateduserid");
                });
        assertThatThrownBy(() -> ingest.accept("eventname=course_completed", "Bearer " + TOKEN))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        rejected -> assertThat(rejected.detail()).contains("not JSON"));
    }

    @Test
    void sitesNeedAnAddressAndTheirOwnLongToken() {
        assertThatThrownBy(() -> new MoodleIngestProperties(List.of(new MoodleIngestProperties.Site("moodle", TOKEN))))
                .hasMessageContaining("credbridge.ingest.moodle.sites[0].url must be the Moodle site's address");
        assertThatThrownBy(() -> new MoodleIngestProperties(List.of(new MoodleIngestProperties.Site(SITE, "short"))))
                .hasMessageContaining("token must be at least 16 characters");
        assertThatThrownBy(() -> new MoodleIngestProperties(List.of(
                        new MoodleIngestProperties.Site(SITE, TOKEN),
                        new MoodleIngestProperties.Site("https://other.example.edu", TOKEN))))
                .hasMessageContaining("sites[1].token is the token of another site");
        assertThat(new MoodleIngestProperties.Site(SITE, TOKEN).toString()).doesNotContain(TOKEN);
    }

    private ObjectNode corpus(String file) throws IOException {
        Path path = CORPUS.resolve(file);
        assumeTrue(Files.isRegularFile(path), () -> "the shared corpus is not at " + path + "; skipping");
        return (ObjectNode) json.readTree(path.toFile());
    }
}

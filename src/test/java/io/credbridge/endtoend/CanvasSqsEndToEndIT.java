package io.credbridge.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.testsupport.ElasticMqQueue;
import io.credbridge.testsupport.TestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Canvas as it delivers Live Events to an SQS queue (ElasticMQ in-process): the raw event JSON as the message body.
 * CredBridge publishes the events it acts on to Kafka and deletes each message only then; a message it cannot use
 * is dead-lettered with its reason and deleted; an event it ignores is deleted and counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CanvasSqsEndToEndIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String TOPIC = "canvas-sqs.learning-events.v1";
    static final ElasticMqQueue queue = ElasticMqQueue.start("canvas-live-events-e2e");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${camel.component.kafka.brokers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void canvasSqsParts(DynamicPropertyRegistry registry) throws IOException {
        EmbeddedParts.registerApplication(registry, "canvas-sqs");
        registry.add("credbridge.catalog.locations[0]", () -> "classpath:catalog-canvas/*.yaml");
        queue.register(registry, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopReadingThenStopTheQueue() throws Exception {
        camel.getRouteController().stopRoute("ingest-canvas-sqs");
        queue.close();
    }

    @Test
    void aQueuedCourseCompletionIsPublishedAwardedOnceAndDeletedEvenWhenCanvasQueuesItTwice() throws Exception {
        String learner = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
        String completion = CanvasLiveEventsEndToEndIT.completion(learner);

        queue.send(completion);
        queue.send(completion);

        List<JsonNode> awards = await().atMost(PATIENCE).until(() -> awardsOf(learner), list -> !list.isEmpty());
        assertThat(awards)
                .singleElement()
                .satisfies(
                        award -> assertThat(award.path("credentialId").asText()).isEqualTo("canvas-cs-101-completed"));
        await().atMost(PATIENCE).until(() -> queue.messagesOnQueue() == 0);
        List<LearningEvent> published = learningEventsOf(learner);
        assertThat(published).hasSize(2);
        assertThat(published)
                .as("both deliveries of the event carry the same id, so the award stage counts it once")
                .extracting(LearningEvent::getEventId)
                .containsOnly(published.get(0).getEventId());
        LearningEvent event = published.get(0);
        assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(event.getSource()).isEqualTo("canvas");
        assertThat(event.getObjectId()).isEqualTo("https://canvas.e2e.credbridge.io/courses/565");
        assertThat(event.getLearnerIds())
                .contains(new LearnerIdentifier("account", learner, "https://canvas.e2e.credbridge.io"));
        await().during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(awardsOf(learner)).hasSize(1));
        assertThat(queued("published")).isGreaterThanOrEqualTo(2);
        assertThat(queued("deleted")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aGradeChangeInCaliperFormatFromTheCorpusIsPublishedUnderItsCaliperEventId() throws Exception {
        Path fixture = Path.of("..", "shared", "corpus", "canvas", "caliper-format", "grade_change.json")
                .toAbsolutePath()
                .normalize();
        assumeTrue(Files.isRegularFile(fixture), () -> "the shared corpus is not at " + fixture + "; skipping");
        JsonNode envelope = json.readTree(fixture.toFile()).at("/examples/0/payload");
        String eventId = envelope.at("/data/0/id").asText();

        queue.send(envelope.toString());

        LearningEvent event = await().atMost(PATIENCE)
                .until(() -> publishedWithId(eventId), found -> !found.isEmpty())
                .get(0);
        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getScore().getGiven()).isEqualTo(5.0);
        await().atMost(PATIENCE).until(() -> queue.messagesOnQueue() == 0);
    }

    @Test
    void aMessageThatIsNotJsonIsDeadLetteredWithItsReasonAndDeletedFromTheQueue() throws Exception {
        String body = "{\"metadata\": {\"event_name\": \"course_completed\"";
        String messageId = queue.send(body);

        JsonNode deadLetter = await().atMost(PATIENCE).until(() -> deadLetterOf(messageId), found -> found != null);

        assertThat(deadLetter.path("stage").asText()).isEqualTo("ingest");
        assertThat(deadLetter.path("source").asText()).isEqualTo("canvas");
        assertThat(deadLetter.path("reason").asText()).contains("the message body is not JSON");
        assertThat(deadLetter.path("originTopic").asText()).isEqualTo(queue.queueUrl());
        assertThat(deadLetter.path("payloadText").asText()).isEqualTo(body);
        await().atMost(PATIENCE).until(() -> queue.messagesOnQueue() == 0);
        assertThat(queued("dead-lettered")).isGreaterThanOrEqualTo(1);

        HttpResponse<String> replay =
                post("/api/dead-letters/" + deadLetter.path("deadLetterId").asText() + "/replay");
        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(json.readTree(replay.body()).path("detail").asText())
                .contains("still cannot be used")
                .contains("not JSON");
        assertThat(deadLetterOf(messageId).path("status").asText()).isEqualTo("NEW");
    }

    @Test
    void anEventCredBridgeDoesNotActOnIsDeletedAndCountedAsIgnored() {
        double ignoredBefore = queued("ignored");

        queue.send("""
                {"metadata": {"event_name": "course_progress", "event_time": "2026-11-30T09:00:00.000Z"},
                 "body": {"course": {"id": "565"}, "user": {"id": "77"}}}
                """);

        await().atMost(PATIENCE).until(() -> queued("ignored") > ignoredBefore);
        await().atMost(PATIENCE).until(() -> queue.messagesOnQueue() == 0);
        assertThat(meters.counter(
                                "credbridge.source.events",
                                "source",
                                "canvas",
                                "event",
                                "course_progress",
                                "outcome",
                                "ignored")
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    private double queued(String outcome) {
        return meters.counter("credbridge.queue.messages", "source", "canvas", "outcome", outcome)
                .count();
    }

    private List<LearningEvent> learningEventsOf(String learner) throws IOException {
        List<LearningEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : new KafkaTopics(brokers).readAll(TOPIC)) {
            LearningEvent event = LearningEvent.getDecoder().decode(record.value());
            if (event.getLearnerIds().stream().anyMatch(id -> id.getValue().equals(learner))) {
                events.add(event);
            }
        }
        return events;
    }

    private List<LearningEvent> publishedWithId(String eventId) throws IOException {
        List<LearningEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : new KafkaTopics(brokers).readAll(TOPIC)) {
            LearningEvent event = LearningEvent.getDecoder().decode(record.value());
            if (event.getEventId().equals(eventId)) {
                events.add(event);
            }
        }
        return events;
    }

    private JsonNode deadLetterOf(String messageId) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dead-letters?limit=1000"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode deadLetter : json.readTree(answer.body())) {
            if (messageId.equals(deadLetter.path("originKey").asText())) {
                return deadLetter;
            }
        }
        return null;
    }

    private List<JsonNode> awardsOf(String learner) throws IOException, InterruptedException {
        return Awards.ofLearner(http, port, learner);
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package io.credbridge.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.RSAKey;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.ingest.caliper.CaliperIngestProperties;
import io.credbridge.ingest.caliper.CaliperSensorIngest;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.testsupport.CanvasTokens;
import io.credbridge.testsupport.TestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Canvas as it delivers Live Events over HTTPS: a course completion signed with a key from Canvas's JWKS (played by
 * WireMock) is posted to the running app, which answers 200 once Kafka has it, and the learner is awarded the
 * credential that requires the course. A redelivery awards nothing twice; a forged token is refused. A subscription in
 * Caliper format signs a Caliper 1.1 envelope instead; its events become the LearningEvents the SQS delivery and the
 * Caliper endpoint make of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CanvasLiveEventsEndToEndIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String INSTANCE = "https://canvas.e2e.credbridge.io";
    static final RSAKey CANVAS_KEY = CanvasTokens.newKey("canvas-current");
    static final WireMockServer canvas = new WireMockServer(wireMockConfig().dynamicPort());

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Value("${camel.component.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void canvasParts(DynamicPropertyRegistry registry) throws IOException {
        EmbeddedParts.registerApplication(registry, "canvas");
        canvas.start();
        canvas.stubFor(get(urlEqualTo("/main/jwks"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(CanvasTokens.jwks(List.of(CanvasTokens.newKey("canvas-previous"), CANVAS_KEY)))));
        registry.add("credbridge.ingest.canvas.jwks-url", () -> canvas.baseUrl() + "/main/jwks");
        registry.add("credbridge.ingest.canvas.issuer", () -> CanvasTokens.ISSUER);
        registry.add("credbridge.catalog.locations[0]", () -> "classpath:catalog-canvas/*.yaml");
    }

    @AfterAll
    static void stopCanvas() {
        canvas.stop();
    }

    @Test
    void aSignedCourseCompletionAwardsTheCredentialRequiringTheCourseOnce() throws Exception {
        String learner = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
        String token = CanvasTokens.sign(completion(learner), CANVAS_KEY);

        HttpResponse<String> answer = post(token);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode accepted = json.readTree(answer.body());
        assertThat(accepted.path("eventName").asText()).isEqualTo("course_completed");
        List<JsonNode> awards = await().atMost(PATIENCE).until(() -> awardsOf(learner), list -> !list.isEmpty());
        assertThat(awards)
                .singleElement()
                .satisfies(
                        award -> assertThat(award.path("credentialId").asText()).isEqualTo("canvas-cs-101-completed"));

        HttpResponse<String> redelivery = post("\"" + token + "\"");
        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(json.readTree(redelivery.body()).path("eventId").asText())
                .as("Canvas's retry of the same event gets the same id")
                .isEqualTo(accepted.path("eventId").asText());
        await().during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(awardsOf(learner)).hasSize(1));
        assertThat(meters.counter(
                                "credbridge.source.events",
                                "source",
                                "canvas",
                                "event",
                                "course_completed",
                                "outcome",
                                "received")
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTokenSignedByAKeyCanvasDidNotPublishIsRefusedWithAProblemDetail() throws Exception {
        String forged = CanvasTokens.sign(completion("666"), CanvasTokens.newKey("canvas-current"));

        HttpResponse<String> answer = post(forged);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:credbridge:problem:unauthenticated");
        assertThat(problem.path("detail").asText()).contains("signature does not match");
        assertThat(awardsOf("666")).isEmpty();
    }

    @Test
    void anEventCredBridgeDoesNotActOnIsAnswered200AndIgnored() throws Exception {
        String progress = """
                {"metadata": {"event_name": "course_progress", "event_time": "2026-11-30T09:00:00.000Z"},
                 "body": {"course": {"id": "565"}, "user": {"id": "77"}}}
                """;

        HttpResponse<String> answer = post(CanvasTokens.sign(progress, CANVAS_KEY));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).path("ignored").asText()).contains("course_progress");
    }

    @Test
    void everyCaliperFormatEventInTheCorpusIsAnswered200AndTheOnesActedOnArePublishedAsTheSqsDeliveryMapsThem()
            throws Exception {
        Path corpus = Path.of("..", "shared", "corpus", "canvas", "caliper-format")
                .toAbsolutePath()
                .normalize();
        assumeTrue(Files.isDirectory(corpus), () -> "the shared corpus is not at " + corpus + "; skipping");
        CaliperSensorIngest sqsMapping = CaliperSensorIngest.of(
                new CaliperIngestProperties(true, List.of()),
                new CredBridgeMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
        Map<String, String> answered = new TreeMap<>();
        Map<String, LearningEvent> expected = new HashMap<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode envelope = json.readTree(file.toFile()).at("/examples/0/payload");
                sqsMapping.acceptQueued(envelope.toString()).events().forEach(e -> expected.put(e.getEventId(), e));

                HttpResponse<String> answer = post(CanvasTokens.sign(envelope.toString(), CANVAS_KEY));

                assertThat(answer.statusCode()).as(file + ": " + answer.body()).isEqualTo(200);
                JsonNode body = json.readTree(answer.body());
                answered.put(
                        file.getFileName().toString(),
                        body.path("eventName").asText() + (body.has("eventId") ? " published" : " ignored"));
            }
        }

        assertThat(answered)
                .containsEntry("grade_change.json", "GradeEvent.Graded published")
                .containsEntry("quiz_submitted.json", "AssessmentEvent.Submitted published")
                .containsEntry("submission_created.json", "AssignableEvent.Submitted ignored")
                .containsEntry("submission_updated.json", "Event.Modified ignored")
                .containsEntry("enrollment_created.json", "Event.Created ignored");
        Map<String, LearningEvent> published = await().atMost(PATIENCE)
                .until(() -> publishedWithIds(expected.keySet()), found -> found.size() == expected.size());
        expected.forEach((id, sqs) -> assertThat(published.get(id))
                .as("the HTTPS delivery of " + id + " is the event the SQS delivery publishes")
                .usingRecursiveComparison()
                .ignoringFields("receivedAt")
                .isEqualTo(sqs));
        LearningEvent grade = published.get("urn:uuid:319f0132-0584-4efd-9489-4959b7101731");
        assertThat(grade.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(grade.getSource()).isEqualTo("caliper");
        assertThat(grade.getScore().getGiven()).isEqualTo(5.0);
        assertThat(grade.getLearnerIds())
                .as("the graded student (the attempt's assignee) and their SIS id, never the grading teacher")
                .contains(new LearnerIdentifier("account", "ABC.123", "https://oxana.instructure.com/sis_user_id"))
                .noneMatch(id -> id.getValue().endsWith("987"));
    }

    @Test
    void aSignedCaliperEnvelopeWithAnInvalidEventIsRefusedNamingTheField() throws Exception {
        String envelope = """
                {"sensor": "http://canvas.e2e.credbridge.io/", "sendTime": "2026-11-30T10:00:00.000Z",
                 "dataVersion": "http://purl.imsglobal.org/ctx/caliper/v1p1",
                 "data": [{"@context": "http://purl.imsglobal.org/ctx/caliper/v1p1", "type": "GradeEvent",
                           "action": "Graded", "actor": {"id": "urn:instructure:canvas:user:1", "type": "Person"},
                           "object": {"id": "urn:instructure:canvas:submission:2", "type": "Attempt"},
                           "eventTime": "2026-11-30T09:59:00.000Z"}]}
                """;

        HttpResponse<String> answer = post(CanvasTokens.sign(envelope, CANVAS_KEY));

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:credbridge:problem:invalid-input");
        assertThat(problem.path("errors").findValuesAsText("pointer")).contains("/data/0/id");
    }

    @Test
    void aSignedCaliperEnvelopeOfAnotherCaliperVersionIsRefusedAsUnprocessable() throws Exception {
        String envelope = """
                {"sensor": "http://canvas.e2e.credbridge.io/", "sendTime": "2026-11-30T10:00:00.000Z",
                 "dataVersion": "http://purl.imsglobal.org/ctx/caliper/v1p0", "data": [{"type": "Person"}]}
                """;

        HttpResponse<String> answer = post(CanvasTokens.sign(envelope, CANVAS_KEY));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json.readTree(answer.body()).path("detail").asText()).contains("v1p0");
    }

    private Map<String, LearningEvent> publishedWithIds(Set<String> ids) throws IOException {
        Map<String, LearningEvent> found = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : new KafkaTopics(brokers).readAll("canvas.learning-events.v1")) {
            LearningEvent event = LearningEvent.getDecoder().decode(record.value());
            if (ids.contains(event.getEventId())) {
                found.put(event.getEventId(), event);
            }
        }
        return found;
    }

    static String completion(String learner) {
        return """
                {"metadata": {"event_name": "course_completed", "event_time": "2026-11-30T09:00:00.000Z",
                              "hostname": "canvas.e2e.credbridge.io", "context_type": "Course",
                              "context_id": "21070000000000565", "user_sis_id": "TEACHER-1"},
                 "body": {"course": {"id": "565", "name": "Computer Science I", "sis_source_id": "CS-101"},
                          "progress": {"requirement_count": 6, "requirement_completed_count": 6,
                                       "completed_at": "2026-11-30T08:59:00.000Z"},
                          "user": {"id": "%s", "name": "Isaac Newton"}}}
                """.formatted(learner);
    }

    private List<JsonNode> awardsOf(String learner) throws IOException, InterruptedException {
        return Awards.ofLearner(http, port, learner);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lms/canvas/live-events"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", "application/jwt")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

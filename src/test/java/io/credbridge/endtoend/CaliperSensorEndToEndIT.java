package io.credbridge.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Caliper sensor as it delivers envelopes: POSTed to the running app with its Bearer token, answered 200 with an
 * empty body once the event is on the learning-events topic of a real broker; a wrong token is a 401 naming the
 * Bearer scheme, an invalid envelope a 400 naming the field, and neither puts anything on the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CaliperSensorEndToEndIT {

    static final String SENSOR = "https://lms.e2e.credbridge.io/caliper/sensor";
    static final String TOKEN = "e2e-caliper-sensor-token-5f0c2a9d";
    static final String TOPIC = "caliper.learning-events.v1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${camel.component.kafka.brokers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void caliperParts(DynamicPropertyRegistry registry) throws IOException {
        EmbeddedParts.registerApplication(registry, "caliper");
        registry.add("credbridge.ingest.caliper.sensors[0].id", () -> SENSOR);
        registry.add("credbridge.ingest.caliper.sensors[0].token", () -> TOKEN);
    }

    @Test
    void anAcceptedGradeLandsOnTheLearningEventsTopicAndTheEntityBesideItIsCountedAsIgnored() throws Exception {
        String eventId = "urn:uuid:" + UUID.randomUUID();
        String envelope = envelope(graded(eventId, "Graded") + "," + PERSON);

        HttpResponse<String> answer = post(envelope, "application/json", "Bearer " + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordOf(eventId), Optional::isPresent)
                .get();
        LearningEvent event = LearningEvent.getDecoder().decode(record.value());
        assertThat(record.key()).isEqualTo("554433");
        assertThat(event.getSource()).isEqualTo("caliper");
        assertThat(event.getSourceSystem()).isEqualTo("https://example.edu");
        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getLearnerIds())
                .containsExactly(new LearnerIdentifier("account", "554433", "https://example.edu/users"));
        assertThat(event.getObjectId()).isEqualTo("https://example.edu/terms/201601/courses/7/sections/1/assess/1");
        assertThat(event.getAttemptId())
                .isEqualTo("https://example.edu/terms/201601/courses/7/sections/1/assess/1/users/554433/attempts/1");
        assertThat(event.getCourseIds())
                .containsExactly("https://example.edu/terms/201601/courses/7/sections/1", "sis-course:CPS 435-01");
        assertThat(event.getScore().getGiven()).isEqualTo(15.0);
        assertThat(event.getScore().getMax()).isEqualTo(20.0);
        assertThat(event.getScore().getScaled()).isEqualTo(0.75);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2016-11-15T10:57:06.000Z"));
        assertThat(counted("Person", "ignored")).isGreaterThanOrEqualTo(1);
        assertThat(counted("GradeEvent.Graded", "received")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWrongTokenIsA401NamingTheBearerSchemeAndPublishesNothing() throws Exception {
        String eventId = "urn:uuid:" + UUID.randomUUID();
        Map<TopicPartition, Long> before = topics().endOffsets(TOPIC);

        HttpResponse<String> wrong =
                post(envelope(graded(eventId, "Graded")), "application/json", "Bearer not-the-token");
        HttpResponse<String> none = post(envelope(graded(eventId, "Graded")), "application/json", null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"credbridge-caliper\", error=\"invalid_token\"");
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(wrong.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:credbridge:problem:unauthenticated");
        assertThat(problem.path("detail").asText()).contains("Bearer token").doesNotContain("not-the-token");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"credbridge-caliper\"");
        assertThat(json.readTree(none.body()).path("detail").asText()).contains("Authorization: Bearer");
        assertThat(topics().endOffsets(TOPIC)).isEqualTo(before);
    }

    @Test
    void anInvalidEnvelopeIsA400NamingTheFieldAndPublishesNothing() throws Exception {
        String eventId = "urn:uuid:" + UUID.randomUUID();
        Map<TopicPartition, Long> before = topics().endOffsets(TOPIC);

        HttpResponse<String> answer = post(envelope(graded(eventId, "Deleted")), "application/json", "Bearer " + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:credbridge:problem:invalid-input");
        assertThat(problem.path("errors").get(0).path("pointer").asText()).isEqualTo("/data/0/action");
        assertThat(problem.path("errors").get(0).path("detail").asText())
                .contains("Graded")
                .contains("Deleted");
        assertThat(topics().endOffsets(TOPIC)).isEqualTo(before);
        assertThat(recordOf(eventId)).isEmpty();
    }

    @Test
    void anythingButJsonIsA415AndAnUnknownDataVersionA422() throws Exception {
        String envelope = envelope(graded("urn:uuid:" + UUID.randomUUID(), "Graded"));

        HttpResponse<String> text = post(envelope, "text/plain", "Bearer " + TOKEN);
        HttpResponse<String> future = post(
                envelope.replace("caliper/v1p2\", \"data\"", "caliper/v2p0\", \"data\""),
                "application/json",
                "Bearer " + TOKEN);

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(json.readTree(text.body()).path("detail").asText()).contains("application/json");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(json.readTree(future.body()).path("detail").asText()).contains("v2p0");
    }

    private double counted(String kind, String outcome) {
        return meters.counter("credbridge.source.events", "source", "caliper", "event", kind, "outcome", outcome)
                .count();
    }

    private KafkaTopics topics() {
        return new KafkaTopics(brokers);
    }

    private Optional<ConsumerRecord<String, byte[]>> recordOf(String eventId) throws IOException {
        for (ConsumerRecord<String, byte[]> record : topics().readAll(TOPIC)) {
            if (LearningEvent.getDecoder().decode(record.value()).getEventId().equals(eventId)) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> post(String body, String contentType, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lms/caliper"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String envelope(String data) {
        return """
                {"sensor": "%s", "sendTime": "2016-11-15T11:05:01.000Z",
                 "dataVersion": "http://purl.imsglobal.org/ctx/caliper/v1p2", "data": [%s]}
                """.formatted(SENSOR, data);
    }

    static final String PERSON = """
            {"@context": "http://purl.imsglobal.org/ctx/caliper/v1p2", "id": "https://example.edu/users/554433",
             "type": "Person", "dateCreated": "2016-08-01T06:00:00.000Z"}
            """;

    /** The Caliper 1.2 specification's GradeEvent example, with its own id and action. */
    static String graded(String id, String action) {
        return """
                {"@context": "http://purl.imsglobal.org/ctx/caliper/v1p2", "id": "%s", "type": "GradeEvent",
                 "profile": "GradingProfile",
                 "actor": {"id": "https://example.edu/autograder", "type": "SoftwareApplication", "version": "v2"},
                 "action": "%s",
                 "object": {"id": "https://example.edu/terms/201601/courses/7/sections/1/assess/1/users/554433/attempts/1",
                            "type": "Attempt",
                            "assignee": {"id": "https://example.edu/users/554433", "type": "Person"},
                            "assignable": {"id": "https://example.edu/terms/201601/courses/7/sections/1/assess/1",
                                           "type": "Assessment", "name": "Quiz One", "maxScore": 20.0},
                            "count": 1, "dateCreated": "2016-11-15T10:05:00.000Z",
                            "startedAtTime": "2016-11-15T10:05:00.000Z", "endedAtTime": "2016-11-15T10:55:12.000Z",
                            "duration": "PT50M12S"},
                 "eventTime": "2016-11-15T10:57:06.000Z",
                 "edApp": "https://example.edu",
                 "generated": {"id": "https://example.edu/terms/201601/courses/7/sections/1/assess/1/users/554433/attempts/1/scores/1",
                               "type": "Score",
                               "attempt": "https://example.edu/terms/201601/courses/7/sections/1/assess/1/users/554433/attempts/1",
                               "maxScore": 20.0, "scoreGiven": 15.0,
                               "scoredBy": "https://example.edu/autograder", "comment": "auto-graded exam",
                               "dateCreated": "2016-11-15T10:56:00.000Z"},
                 "group": {"id": "https://example.edu/terms/201601/courses/7/sections/1", "type": "CourseSection",
                           "courseNumber": "CPS 435-01", "academicSession": "Fall 2016"}}
                """.formatted(id, action);
    }
}

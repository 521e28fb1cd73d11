package io.credbridge.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.RSAKey;
import io.credbridge.testsupport.CanvasTokens;
import io.credbridge.testsupport.TestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Canvas as it delivers Live Events over HTTPS: a course completion signed with a key from Canvas's JWKS (played by
 * WireMock) is posted to the running app, which answers 200 once Kafka has it, and the learner is awarded the
 * credential that requires the course. A redelivery awards nothing twice; a forged token is refused.
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

package io.credbridge.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Moodle as its webhook plugins post events: local_webhooks with the token in the body and a form Content-Type over
 * a JSON body, tool_trigger with a Bearer header. A course completion through the running app awards the credential
 * requiring the course once, even when Moodle sends it again; a wrong token is a 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MoodleWebhooksEndToEndIT {

    static final String SITE = "https://moodle.e2e.credbridge.io";
    static final String TOKEN = "e2e-moodle-site-token-7c1d9e3a";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void moodleParts(DynamicPropertyRegistry registry) throws IOException {
        EmbeddedParts.registerApplication(registry, "moodle");
        registry.add("credbridge.catalog.locations[0]", () -> "classpath:catalog-moodle/*.yaml");
        registry.add("credbridge.ingest.moodle.sites[0].url", () -> SITE);
        registry.add("credbridge.ingest.moodle.sites[0].token", () -> TOKEN);
    }

    @Test
    void aCourseCompletionFromLocalWebhooksAwardsTheCredentialOnceEvenWhenSentTwice() throws Exception {
        String learner = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
        String completion = """
                {"eventname": "\\\\core\\\\event\\\\course_completed", "component": "core", "action": "completed",
                 "target": "course", "objecttable": "course_completions", "objectid": "5", "crud": "u",
                 "edulevel": 2, "contextid": 21, "contextlevel": 50, "contextinstanceid": "2", "userid": "0",
                 "courseid": "2", "relateduserid": "%s", "anonymous": 0, "other": null, "timecreated": 1764496800,
                 "host": "moodle.e2e.credbridge.io", "token": "%s", "extra": ""}
                """.formatted(learner, TOKEN);

        HttpResponse<String> answer = post(completion, "application/x-www-form-urlencoded", null);
        HttpResponse<String> again = post(completion, "application/x-www-form-urlencoded", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode accepted = json.readTree(answer.body());
        assertThat(accepted.path("eventName").asText()).isEqualTo("\\core\\event\\course_completed");
        assertThat(json.readTree(again.body()).path("eventId").asText())
                .isEqualTo(accepted.path("eventId").asText());
        List<JsonNode> awards = await().atMost(Duration.ofSeconds(30))
                .until(() -> Awards.ofLearner(http, port, learner), list -> !list.isEmpty());
        assertThat(awards)
                .singleElement()
                .satisfies(award ->
                        assertThat(award.path("credentialId").asText()).isEqualTo("moodle-course-2-completed"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(Awards.ofLearner(http, port, learner)).hasSize(1));
    }

    @Test
    void aWrongBearerTokenIsA401ProblemAndAnIgnoredEventA200() throws Exception {
        String viewed = """
                {"eventname": "\\\\core\\\\event\\\\course_viewed", "courseid": "2", "userid": "4",
                 "timecreated": 1764496800}
                """;

        HttpResponse<String> refused = post(viewed, "application/json", "Bearer not-the-site-token-at-all");
        HttpResponse<String> ignored = post(viewed, "application/json", "Bearer " + TOKEN);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(json.readTree(refused.body()).path("type").asText())
                .isEqualTo("urn:credbridge:problem:unauthenticated");
        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ignored.body()).path("ignored").asText()).contains("course_viewed");
    }

    private HttpResponse<String> post(String body, String contentType, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/lms/moodle/events"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

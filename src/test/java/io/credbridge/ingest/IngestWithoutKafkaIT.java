package io.credbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.CredBridgeApplication;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** When the event log cannot take events, the sender is told to retry and nothing counts as accepted. */
@Timeout(120)
class IngestWithoutKafkaIT {

    @Test
    void answers503WithRetryAfterAndAcceptsNothingWhenKafkaIsUnreachable() throws Exception {
        Path data = Files.createTempDirectory("credbridge-no-kafka");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CredBridgeApplication.class)
                .run(TestCredentials.with(
                        "--server.port=0",
                        "--credbridge.embedded-kafka.enabled=false",
                        "--camel.component.kafka.brokers=localhost:" + TestKafkaBroker.freePort(),
                        "--camel.component.kafka.max-block-ms=1000",
                        // One event fails within max-block-ms; five wait for metadata one after another, longer
                        // than the servlet waits for the route.
                        "--spring.mvc.async.request-timeout=2500ms",
                        "--credbridge.topics.create=false",
                        "--credbridge.ingest.canvas.require-signature=false",
                        "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "--credbridge.transcript.csv.directory=" + data.resolve("sis-import")))) {
            String port = app.getEnvironment().getProperty("local.server.port");

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lms/xapi/statements"))
                                    .headers(TestCredentials.ADMIN_AND_LRS)
                                    .header("Content-Type", "application/json")
                                    .header("X-Experience-API-Version", "1.0.3")
                                    .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"actor": {"account": {"homePage": "https://lms.example.edu", "name": "alice"}},
                                     "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                                     "object": {"id": "https://lms.example.edu/courses/101"}}
                                    """))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = new ObjectMapper().readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(503);
            assertThat(problem.path("detail").asText()).contains("Nothing from this request was accepted");
            assertThat(app.getBean(MeterRegistry.class)
                            .find("credbridge.events.received")
                            .counter())
                    .isNull();

            HttpResponse<String> canvas = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lms/canvas/live-events"))
                                    .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"metadata": {"event_name": "course_completed", "hostname": "canvas.example.edu",
                                                  "event_time": "2026-11-30T09:00:00.000Z"},
                                     "body": {"course": {"id": "565"}, "user": {"id": "123"}}}
                                    """))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(canvas.statusCode())
                    .as("Canvas retries a 5xx; a 4xx would lose the completion")
                    .isEqualTo(503);
            assertThat(canvas.headers().firstValue("Retry-After")).hasValue("5");

            String fiveStatements =
                    IntStream.range(0, 5).mapToObj(i -> """
                            {"actor": {"account": {"homePage": "https://lms.example.edu", "name": "learner-%d"}},
                             "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                             "object": {"id": "https://lms.example.edu/courses/101"}}""".formatted(i)).collect(Collectors.joining(",", "[", "]"));
            HttpResponse<String> outlived = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lms/xapi/statements"))
                                    .headers(TestCredentials.ADMIN_AND_LRS)
                                    .header("Content-Type", "application/json")
                                    .header("X-Experience-API-Version", "1.0.3")
                                    .POST(HttpRequest.BodyPublishers.ofString(fiveStatements))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(outlived.statusCode())
                    .as("a request the servlet's async timeout ends is a retry later too")
                    .isEqualTo(503);
            assertThat(outlived.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(new ObjectMapper()
                            .readTree(outlived.body())
                            .path("detail")
                            .asText())
                    .contains("did not answer in time");

            // As between the web server starting and the routes starting, or while the app shuts down.
            app.getBean(org.apache.camel.CamelContext.class).suspend();
            HttpResponse<String> notRunning = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lms/xapi/statements"))
                                    .headers(TestCredentials.ADMIN_AND_LRS)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(notRunning.statusCode())
                    .as("never a 4xx a sender would take as final")
                    .isEqualTo(503);
            assertThat(notRunning.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(new ObjectMapper()
                            .readTree(notRunning.body())
                            .path("detail")
                            .asText())
                    .contains("starting or shutting down");
        }
    }
}

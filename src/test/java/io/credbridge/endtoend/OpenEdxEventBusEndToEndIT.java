package io.credbridge.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.credbridge.ingest.openedx.OpenEdxEvents.CERTIFICATE_CREATED;
import static io.credbridge.ingest.openedx.OpenEdxEvents.CERTIFICATE_REVOKED;
import static io.credbridge.ingest.openedx.OpenEdxEvents.PASSING;
import static io.credbridge.ingest.openedx.OpenEdxEvents.certificate;
import static io.credbridge.ingest.openedx.OpenEdxEvents.confluentWire;
import static io.credbridge.ingest.openedx.OpenEdxEvents.headers;
import static io.credbridge.ingest.openedx.OpenEdxEvents.passing;
import static io.credbridge.ingest.openedx.OpenEdxEvents.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.credbridge.testsupport.TestCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
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
 * The Open edX event bus as event-bus-kafka fills it: records on a campus topic with Avro values in the Confluent wire
 * format and the CloudEvent envelope in ce_* headers, their writer schemas in a schema registry (WireMock). CredBridge
 * reads them with a consumer of its own, publishes LearningEvents and awards from them; a certificate's revocation
 * revokes what the certificate earned; a record it cannot read is dead-lettered and its offset still committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OpenEdxEventBusEndToEndIT {

    static final Duration PATIENCE = Duration.ofSeconds(45);
    static final String EVENT_BUS_TOPIC = "openedx-e2e-learning-certificate-lifecycle";
    static final String GROUP = "credbridge-openedx-e2e";
    static final String LMS = "https://courses.e2e.credbridge.io";
    static final String COURSE_KEY = "course-v1:DemoX+CS101+2026_T3";
    static final int PASSING_SCHEMA = 7;
    static final int CREATED_SCHEMA = 8;
    static final int REVOKED_SCHEMA = 9;
    static final WireMockServer registry = registry();

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
    static void openEdxParts(DynamicPropertyRegistry properties) throws IOException {
        EmbeddedParts.registerApplication(properties, "openedx");
        properties.add("credbridge.catalog.locations[0]", () -> "classpath:catalog-openedx/*.yaml");
        properties.add("credbridge.ingest.openedx.enabled", () -> "true");
        // The campus broker is the embedded one here; in production it is the LMS's own cluster.
        properties.add("credbridge.ingest.openedx.bootstrap-servers", () -> "${camel.component.kafka.brokers}");
        properties.add("credbridge.ingest.openedx.topics", () -> EVENT_BUS_TOPIC);
        properties.add("credbridge.ingest.openedx.group-id", () -> GROUP);
        properties.add("credbridge.ingest.openedx.lms-url", () -> LMS);
        properties.add("credbridge.ingest.openedx.schema-registry-url", registry::baseUrl);
        // The topic appears when the test first writes to it; the consumer should not wait minutes to see it.
        properties.add("credbridge.ingest.openedx.client-properties[metadata.max.age.ms]", () -> "500");
    }

    @AfterAll
    void stopReadingThenStopTheRegistry() throws Exception {
        camel.getRouteController().stopRoute("ingest-openedx");
        registry.stop();
    }

    @Test
    void aPassedCourseAndACertificateAwardOnceAndTheCertificatesRevocationRevokesOnlyWhatItEarned() throws Exception {
        String learner = "ada" + ThreadLocalRandom.current().nextInt(1_000_000);
        long userId = ThreadLocalRandom.current().nextLong(1, 1_000_000);
        String passedId = UUID.randomUUID().toString();
        byte[] passed = confluentWire(PASSING_SCHEMA, passing(shipped(PASSING), true, userId, learner, COURSE_KEY));

        send(passed, headers(PASSING, passedId, "2026-11-30T09:00:00.000001+00:00"));
        send(passed, headers(PASSING, passedId, "2026-11-30T09:00:00.000001+00:00"));
        send(
                confluentWire(
                        CREATED_SCHEMA,
                        certificate(shipped(CERTIFICATE_CREATED), "downloadable", userId, learner, COURSE_KEY)),
                headers(CERTIFICATE_CREATED, UUID.randomUUID().toString(), "2026-11-30T09:05:00+00:00"));

        List<JsonNode> awards =
                await().atMost(PATIENCE).until(() -> Awards.ofLearner(http, port, learner), list -> list.size() == 2);
        assertThat(awards)
                .extracting(award -> award.path("credentialId").asText())
                .containsExactlyInAnyOrder("openedx-cs101-passed", "openedx-cs101-certificate");

        send(
                confluentWire(
                        REVOKED_SCHEMA,
                        certificate(shipped(CERTIFICATE_REVOKED), "unavailable", userId, learner, COURSE_KEY)),
                headers(CERTIFICATE_REVOKED, UUID.randomUUID().toString(), "2026-12-01T10:00:00+00:00"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(statusOf(learner, "openedx-cs101-certificate"))
                        .isEqualTo("REVOKED"));
        assertThat(statusOf(learner, "openedx-cs101-passed")).isEqualTo("ACTIVE");
        await().atMost(PATIENCE).until(() -> new KafkaTopics(brokers).caughtUp(GROUP, EVENT_BUS_TOPIC));
        assertThat(Awards.ofLearner(http, port, learner)).hasSize(2);
        registry.verify(1, getRequestedFor(urlPathEqualTo("/schemas/ids/" + PASSING_SCHEMA)));

        byte[] reissued = confluentWire(
                CREATED_SCHEMA, certificate(shipped(CERTIFICATE_CREATED), "downloadable", userId, learner, COURSE_KEY));
        Map<String, byte[]> reissue =
                headers(CERTIFICATE_CREATED, UUID.randomUUID().toString(), "2026-12-03T10:00:00+00:00");
        send(reissued, reissue);
        send(reissued, reissue);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(statusOf(learner, "openedx-cs101-certificate"))
                        .as("the certificate issued again after its revocation is held again")
                        .isEqualTo("ACTIVE"));
        await().atMost(PATIENCE).until(() -> new KafkaTopics(brokers).caughtUp(GROUP, EVENT_BUS_TOPIC));
        assertThat(Awards.ofLearner(http, port, learner))
                .filteredOn(award -> award.path("status").asText().equals("ACTIVE"))
                .extracting(award -> award.path("credentialId").asText())
                .containsExactlyInAnyOrder("openedx-cs101-passed", "openedx-cs101-certificate");
        assertThat(meters.counter(
                                "credbridge.source.events",
                                "source",
                                "openedx",
                                "event",
                                PASSING,
                                "outcome",
                                "received")
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRecordThatIsNotInTheWireFormatIsDeadLetteredWithItsReasonAndItsOffsetCommitted() throws Exception {
        String body = "{\"course_passing_status\": {\"is_passing\": true}}";
        send(
                body.getBytes(StandardCharsets.UTF_8),
                headers(PASSING, UUID.randomUUID().toString(), "2026-11-30T09:00:00+00:00"));

        JsonNode deadLetter = await().atMost(PATIENCE).until(() -> deadLetterWith(body), found -> found != null);

        assertThat(deadLetter.path("stage").asText()).isEqualTo("ingest");
        assertThat(deadLetter.path("source").asText()).isEqualTo("openedx");
        assertThat(deadLetter.path("originTopic").asText()).isEqualTo(EVENT_BUS_TOPIC);
        assertThat(deadLetter.path("reason").asText()).contains("not in the Confluent wire format");
        await().atMost(PATIENCE).until(() -> new KafkaTopics(brokers).caughtUp(GROUP, EVENT_BUS_TOPIC));

        HttpResponse<String> replay =
                post("/api/dead-letters/" + deadLetter.path("deadLetterId").asText() + "/replay");
        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(json.readTree(replay.body()).path("detail").asText()).contains("Confluent wire format");
    }

    private void send(byte[] value, java.util.Map<String, byte[]> headers) {
        new KafkaTopics(brokers).send(EVENT_BUS_TOPIC, COURSE_KEY.getBytes(StandardCharsets.UTF_8), value, headers);
    }

    private String statusOf(String learner, String credential) throws IOException, InterruptedException {
        return Awards.ofLearner(http, port, learner).stream()
                .filter(award -> credential.equals(award.path("credentialId").asText()))
                .map(award -> award.path("status").asText())
                .findFirst()
                .orElse(null);
    }

    private JsonNode deadLetterWith(String payload) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dead-letters?limit=1000"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode deadLetter : json.readTree(answer.body())) {
            if ("openedx".equals(deadLetter.path("source").asText())
                    && deadLetter
                            .path("payloadText")
                            .asText()
                            .contains(java.util.Base64.getEncoder()
                                    .encodeToString(payload.getBytes(StandardCharsets.UTF_8)))) {
                return deadLetter;
            }
        }
        return null;
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A schema registry that knows the three events' schemas, as event-bus-kafka registered them. */
    private static WireMockServer registry() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        serve(server, PASSING_SCHEMA, PASSING);
        serve(server, CREATED_SCHEMA, CERTIFICATE_CREATED);
        serve(server, REVOKED_SCHEMA, CERTIFICATE_REVOKED);
        return server;
    }

    private static void serve(WireMockServer server, int id, String eventType) {
        String body = new ObjectMapper()
                .createObjectNode()
                .put("schema", shipped(eventType).toString())
                .toString();
        server.stubFor(get(urlPathEqualTo("/schemas/ids/" + id)).willReturn(okJson(body)));
    }
}

package io.credbridge.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.credbridge.endtoend.XapiStatements.COURSE;
import static io.credbridge.endtoend.XapiStatements.completed;
import static io.credbridge.endtoend.XapiStatements.newId;
import static io.credbridge.endtoend.XapiStatements.newLearner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.credbridge.testsupport.TestCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application writing to Colleague through Ethos (played by WireMock): learners found among Ethos
 * persons, each award PUT once to its derived GUID, a refused entry given up at once into the registrar's review
 * queue with Colleague's message and written when resubmitted,
 * and an Ethos outage that opens the breaker (health DEGRADED) while awards keep flowing, then closes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EthosEndToEndIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String RESOURCE = "/api/student-aptitude-assessments/";
    static final WireMockServer ethos = new WireMockServer(wireMockConfig().dynamicPort());

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void colleagueThroughEthos(DynamicPropertyRegistry registry) throws Exception {
        TestCredentials.register(registry);
        ethos.start();
        ethos.stubFor(post(urlPathEqualTo("/auth")).willReturn(ok("session-token")));
        ethos.stubFor(get(urlPathEqualTo("/admin/available-resources"))
                .willReturn(okJson("[{\"name\":\"Colleague Student API\",\"resources\":[{\"name\":"
                        + "\"student-aptitude-assessments\",\"representations\":[{\"X-Media-Type\":"
                        + "\"application/vnd.hedtech.integration.v16.0.0+json\",\"methods\":[\"get\",\"post\",\"put\","
                        + "\"delete\"],\"version\":\"v16.0.0\"}]}]}]")));
        ethos.stubFor(put(urlPathMatching(RESOURCE + ".*")).willReturn(ok("{}")));
        // Reading back: Colleague holds nothing of a learner unless a test says otherwise.
        ethos.stubFor(get(urlPathEqualTo("/api/student-aptitude-assessments"))
                .atPriority(10)
                .willReturn(okJson("[]")));

        EmbeddedParts.register(registry, "credbridge-ethos");
        registry.add("credbridge.transcript.reconciliation.enabled", () -> "true");
        registry.add("credbridge.transcript.reconciliation.interval", () -> "1s");
        // Retries come fast and outlast an outage; a refused entry must still be given up at its first attempt.
        registry.add("credbridge.outbox.max-attempts", () -> "100");
        registry.add("credbridge.outbox.first-retry-delay", () -> "100ms");
        registry.add("credbridge.outbox.max-retry-delay", () -> "200ms");
        registry.add("credbridge.outbox.poll-interval", () -> "100ms");
        registry.add("credbridge.transcript.breaker.sliding-window-size", () -> "2");
        registry.add("credbridge.transcript.breaker.minimum-number-of-calls", () -> "2");
        registry.add("credbridge.transcript.breaker.wait-in-open-state", () -> "1s");
        registry.add("credbridge.transcript.breaker.permitted-calls-in-half-open-state", () -> "1");

        String templates = "classpath:transcript-templates/colleague-student-aptitude-assessments-";
        registry.add("credbridge.transcript.target", () -> "ethos");
        registry.add("credbridge.transcript.ethos.base-url", ethos::baseUrl);
        registry.add("credbridge.transcript.ethos.api-key", () -> "11111111-2222-3333-4444-555555555555");
        registry.add("credbridge.transcript.ethos.resource", () -> "student-aptitude-assessments");
        registry.add("credbridge.transcript.ethos.version", () -> "16.0.0");
        registry.add("credbridge.transcript.ethos.templates.issued", () -> templates + "issued.json");
        registry.add("credbridge.transcript.ethos.templates.revoked", () -> templates + "ended.json");
        registry.add("credbridge.transcript.ethos.templates.expired", () -> templates + "ended.json");
        registry.add("credbridge.transcript.ethos.values.assessmentId", () -> "7a1f0c4e-0000-4000-8000-000000000001");
        registry.add("credbridge.transcript.ethos.persons.id-credential-type", () -> "colleaguePersonId");
        registry.add("credbridge.transcript.ethos.persons.account-credential-type", () -> "colleagueUserName");
    }

    @AfterAll
    static void stopEthos() {
        ethos.stop();
    }

    @Test
    void anAwardIsWrittenOnceToItsDerivedGuidForThePersonEthosFoundForTheLearner() throws Exception {
        String learner = newLearner("colleague");
        String personGuid = colleaguePerson(learner);

        postStatement(completed(newId(), learner, COURSE));

        String awardId = awaitAward(learner);
        await().atMost(PATIENCE).until(() -> transcriptDelivered(awardId));
        assertThat(ethos.findAll(putRequestedFor(urlPathEqualTo(RESOURCE + guidOf(awardId)))))
                .singleElement()
                .satisfies(request -> assertThat(json.readTree(request.getBodyAsString())
                                .path("student")
                                .path("id")
                                .asText())
                        .isEqualTo(personGuid));
    }

    @Test
    void anEntryColleagueRefusesWaitsAsFailedWithColleaguesMessageAndIsWrittenWhenResubmitted() throws Exception {
        String learner = newLearner("refused");
        String personGuid = colleaguePerson(learner);
        StubMapping refusal = ethos.stubFor(put(urlPathMatching(RESOURCE + ".*"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.student.id", equalTo(personGuid)))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/vnd.hedtech.integration.errors.v2+json")
                        .withBody("{\"errors\":[{\"code\":\"Validation.Exception\",\"message\":"
                                + "\"Assessment not found for student\"}]}")));

        postStatement(completed(newId(), learner, COURSE));

        String awardId = awaitAward(learner);
        JsonNode failed = await().atMost(PATIENCE).until(() -> reviewEntry(awardId, "FAILED"), entry -> entry != null);
        assertThat(failed.path("sisMessage").asText()).contains("Assessment not found for student");
        assertThat(failed.path("note").asText()).contains("Validation.Exception");
        assertThat(ethos.findAll(putRequestedFor(urlPathEqualTo(RESOURCE + guidOf(awardId)))))
                .as("refused at its first attempt, not retried")
                .hasSize(1);
        assertThat(transcriptDelivered(awardId))
                .as("the review queue keeps it, not the outbox")
                .isTrue();

        // The registrar has the assessment set up in Colleague, then resubmits.
        ethos.removeStub(refusal);
        HttpResponse<String> resubmitted = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/transcript/entries/"
                                + failed.path("id").asText() + "/approve"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"actor\":\"registrar@colleague.edu\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(resubmitted.statusCode()).isEqualTo(200);
        JsonNode written =
                await().atMost(PATIENCE).until(() -> reviewEntry(awardId, "WRITTEN"), entry -> entry != null);
        assertThat(failed.path("sisRecordId").isNull())
                .as("refused: the SIS holds no record of it")
                .isTrue();
        assertThat(written.path("sisRecordId").asText())
                .as("the record's GUID, shown with the entry")
                .isEqualTo(guidOf(awardId));
        assertThat(ethos.findAll(putRequestedFor(urlPathEqualTo(RESOURCE + guidOf(awardId)))))
                .as("the resubmission PUT the same GUID again")
                .hasSize(2);
    }

    @Test
    void duringAnEthosOutageTheBreakerOpensHealthIsDegradedAwardsFlowAndTheEntryIsWrittenOnceAfter() throws Exception {
        String learner = newLearner("outage");
        String personGuid = colleaguePerson(learner);
        StubMapping outage = ethos.stubFor(put(urlPathMatching(RESOURCE + ".*"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("Colleague is down for maintenance")));

        postStatement(completed(newId(), learner, COURSE));
        String awardId = awaitAward(learner);

        await().atMost(PATIENCE)
                .until(() -> "DEGRADED".equals(health().path("status").asText()));
        JsonNode degraded = health();
        assertThat(degraded.path("components")
                        .path("transcript")
                        .path("details")
                        .path("targets")
                        .path("ethos")
                        .path("breaker")
                        .asText())
                .isEqualTo("OPEN");
        await().atMost(PATIENCE).until(() -> lastError(awardId).contains("circuit breaker is open"));
        // Awards keep flowing while the SIS is down: the award stage never waits for it.
        String another = newLearner("during-outage");
        colleaguePerson(another);
        postStatement(completed(newId(), another, COURSE));
        String anotherAward = awaitAward(another);

        ethos.removeStub(outage);

        await().atMost(PATIENCE).until(() -> transcriptDelivered(awardId));
        await().atMost(PATIENCE).until(() -> transcriptDelivered(anotherAward));
        await().atMost(PATIENCE).until(() -> "UP".equals(health().path("status").asText()));
        assertThat(ethos.findAll(putRequestedFor(urlPathEqualTo(RESOURCE + guidOf(awardId)))
                        .withRequestBody(matchingJsonPath("$.student.id", equalTo(personGuid)))))
                .as("every attempt went to the same GUID, so Colleague holds one record")
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.getUrl()).isEqualTo(RESOURCE + guidOf(awardId)));
    }

    @Test
    void reconciliationFindsNothingWhileColleagueHoldsTheRecordAsWrittenAndAMissingRecordOnceItIsGone()
            throws Exception {
        String learner = newLearner("reconciled");
        String personGuid = colleaguePerson(learner);
        postStatement(completed(newId(), learner, COURSE));
        String awardId = awaitAward(learner);
        await().atMost(PATIENCE).until(() -> transcriptDelivered(awardId));
        String written = ethos.findAll(putRequestedFor(urlPathEqualTo(RESOURCE + guidOf(awardId))))
                .get(0)
                .getBodyAsString();
        StubMapping holds = ethos.stubFor(get(urlPathEqualTo("/api/student-aptitude-assessments"))
                .withQueryParam("criteria", equalToJson("{\"student\":{\"id\":\"" + personGuid + "\"}}"))
                .willReturn(okJson("[" + written.replace("{", "{\"metadata\":{\"source\":\"colleague\"},") + "]")));

        HttpResponse<String> clean = reconcile("ethos", learner, TestCredentials.AUDITOR_KEY);

        assertThat(clean.statusCode()).as(clean.body()).isEqualTo(200);
        JsonNode report = json.readTree(clean.body());
        assertThat(report.path("awards").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("missing").asInt()).isZero();
        assertThat(report.path("counts").path("extra").asInt()).isZero();
        assertThat(report.path("counts").path("mismatched").asInt()).isZero();

        ethos.removeStub(holds);
        JsonNode gone = json.readTree(
                reconcile("ethos", learner, TestCredentials.REGISTRAR_KEY).body());
        assertThat(gone.path("missing")).singleElement().satisfies(missing -> {
            assertThat(missing.path("awardId").asText()).isEqualTo(awardId);
            assertThat(missing.path("action").asText()).isEqualTo("ISSUED");
            assertThat(missing.path("sisRecordId").asText()).isEqualTo(guidOf(awardId));
            assertThat(missing.path("reason").asText()).contains("holds no record");
        });
    }

    @Test
    void reconcilingATargetThatIsNotConfiguredIs404NamingTheConfiguredOne() throws Exception {
        HttpResponse<String> response = reconcile("banner", null, TestCredentials.REGISTRAR_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:credbridge:problem:transcript-target-not-found");
        assertThat(problem.path("configuredTargets").toString()).isEqualTo("[\"ethos\"]");
        assertThat(reconcile("ethos", null, TestCredentials.INTEGRATOR_KEY).statusCode())
                .as("for registrars and auditors")
                .isEqualTo(403);
    }

    @Test
    void theScheduledReconciliationPublishesWhatItFoundAsGaugesTaggedByTarget() throws Exception {
        String learner = newLearner("gauged");
        colleaguePerson(learner);
        postStatement(completed(newId(), learner, COURSE));
        String awardId = awaitAward(learner);
        await().atMost(PATIENCE).until(() -> transcriptDelivered(awardId));

        // Colleague answers no records for this learner: at the next run their award counts as missing.
        await().atMost(PATIENCE).until(() -> gauge("missing") >= 1);
        assertThat(gauge("extra")).isZero();
        assertThat(gauge("mismatched")).isZero();
    }

    private HttpResponse<String> reconcile(String target, String learner, String apiKey) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/transcript/reconciliation?target="
                                + target + (learner == null ? "" : "&learnerId=" + learner)))
                        .header(TestCredentials.API_KEY_HEADER, apiKey)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The gauge's value as actuator reports it; NaN until the first run. */
    private double gauge(String kind) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/actuator/metrics/credbridge.transcript.reconciliation."
                                        + kind + "?tag=target:ethos"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            JsonNode value =
                    json.readTree(response.body()).path("measurements").path(0).path("value");
            return response.statusCode() == 200 && value.isNumber() ? value.asDouble() : Double.NaN;
        } catch (java.io.IOException notYetANumber) {
            return Double.NaN;
        }
    }

    /** The award's entry in the registrar's review queue with that status; null while there is none. */
    private JsonNode reviewEntry(String awardId, String status) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/transcript/entries?limit=1000&status=" + status))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode entry : json.readTree(response.body()).path("entries")) {
            if (entry.path("awardId").asText().equals(awardId)) {
                return entry;
            }
        }
        return null;
    }

    /** Ethos knows the learner by user name; answers the person's GUID. */
    private static String colleaguePerson(String learner) {
        String guid = UUID.randomUUID().toString();
        String personId = "P" + learner.hashCode();
        String person = "[{\"id\":\"" + guid + "\",\"credentials\":[{\"type\":\"colleagueUserName\",\"value\":\""
                + learner + "\"},{\"type\":\"colleaguePersonId\",\"value\":\"" + personId + "\"}]}]";
        ethos.stubFor(get(urlPathEqualTo("/api/persons"))
                .withQueryParam(
                        "criteria",
                        equalToJson(
                                "{\"credentials\":[{\"type\":\"colleagueUserName\",\"value\":\"" + learner + "\"}]}"))
                .willReturn(okJson(person)));
        ethos.stubFor(get(urlPathEqualTo("/api/persons"))
                .withQueryParam(
                        "criteria",
                        equalToJson(
                                "{\"credentials\":[{\"type\":\"colleaguePersonId\",\"value\":\"" + personId + "\"}]}"))
                .willReturn(okJson(person)));
        return guid;
    }

    /** The Ethos adapter's GUID for an award's ISSUED entry: a name-based UUID, as any process derives it. */
    private static String guidOf(String awardId) {
        return UUID.nameUUIDFromBytes(("credbridge:transcript:" + awardId + "/ISSUED").getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private String awaitAward(String learner) {
        return Awards.awaitOnlyAward(jdbc, learner, PATIENCE);
    }

    /**
     * Whether the award's transcript entry was delivered: its outbox row, written with the award, is gone (a relay
     * deletes what it delivered; a given-up entry stays as FAILED).
     */
    private boolean transcriptDelivered(String awardId) {
        return jdbc.queryForObject(
                        "select count(*) from outbox_event where destination = 'TRANSCRIPT' and aggregate_id = ?",
                        Long.class,
                        awardId)
                == 0;
    }

    private String lastError(String awardId) {
        return transcriptOutbox(awardId, "last_error");
    }

    /** A column of the award's transcript outbox event; empty while there is none. */
    private String transcriptOutbox(String awardId, String column) {
        List<String> values = jdbc.queryForList(
                "select " + column + " from outbox_event where destination = 'TRANSCRIPT' and aggregate_id = ?",
                String.class,
                awardId);
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("an open breaker is not DOWN").isEqualTo(200);
        return json.readTree(response.body());
    }

    private void postStatement(String statement) throws Exception {
        assertThat(XapiStatements.post(http, String.valueOf(port), statement).statusCode())
                .isEqualTo(200);
    }
}

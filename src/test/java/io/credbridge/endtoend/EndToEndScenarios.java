package io.credbridge.endtoend;

import static io.credbridge.endtoend.XapiStatements.COURSE;
import static io.credbridge.endtoend.XapiStatements.EXAM;
import static io.credbridge.endtoend.XapiStatements.LAB_SAFETY;
import static io.credbridge.endtoend.XapiStatements.completed;
import static io.credbridge.endtoend.XapiStatements.completedByHashedMailbox;
import static io.credbridge.endtoend.XapiStatements.demo;
import static io.credbridge.endtoend.XapiStatements.newId;
import static io.credbridge.endtoend.XapiStatements.newLearner;
import static io.credbridge.endtoend.XapiStatements.scored;
import static io.credbridge.endtoend.XapiStatements.scoredAttempt;
import static io.credbridge.endtoend.XapiStatements.voiding;
import static io.credbridge.endtoend.XapiStatements.withoutVerb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.credbridge.avro.BadgeIssuance;
import io.credbridge.avro.DeadLetter;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.badge.CredentialVerifier;
import io.credbridge.badge.StatusListBits;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.transcript.CsvTranscriptProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole pipeline through its public surfaces only: xAPI over HTTP in; the awards API, the CSV import files,
 * the badge and dead-letter topics (read with standard Kafka clients) and the admin API out. Subclasses run it
 * on PostgreSQL and on the embedded defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class EndToEndScenarios {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String LEARNING_EVENTS = "credbridge.learning-events.v1";
    static final String BADGES = "credbridge.badge-issuance.v1";
    static final String DEAD_LETTERS = "credbridge.dead-letter.v1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${camel.component.kafka.brokers}")
    String brokers;

    @Autowired
    CsvTranscriptProperties csv;

    @Autowired
    JdbcTemplate jdbc;

    KafkaTopics kafka() {
        return new KafkaTopics(brokers);
    }

    @DynamicPropertySource
    static void credentials(DynamicPropertyRegistry registry) {
        TestCredentials.register(registry);
        // The demo catalog and one definition that allows suspension, which the demo catalog has none of.
        registry.add("credbridge.catalog.locations[0]", () -> "classpath:demo/catalog/*.yaml");
        registry.add("credbridge.catalog.locations[1]", () -> "classpath:catalog-suspension/*.yaml");
    }

    @Test
    void theQuickStartStatementsEarnTheDemoCredentialsOnEveryOutput() throws Exception {
        HttpResponse<String> single = post(demo("01-alice-completes-data-analysis-101.json"));
        HttpResponse<String> batch = post(
                "[" + demo("02-alice-passes-sql-final-exam.json") + "," + demo("03-bob-scores-below-the-threshold.json")
                        + "," + demo("04-alice-experienced-a-video.json") + "]");

        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(json.readTree(single.body()).toString()).isEqualTo("[\"6f1d3c2a-8b4e-4f6a-9c1d-2e3f4a5b6c01\"]");
        assertThat(single.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(json.readTree(batch.body()).size()).isEqualTo(3);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards("alice")).hasSize(3));
        awaitQuiet();
        List<JsonNode> awards = awards("alice");
        assertThat(awards)
                .extracting(a -> a.path("credentialId").asText())
                .containsExactlyInAnyOrder("data-analysis-fundamentals", "sql-proficiency", "applied-data-analysis");
        JsonNode applied = byCredential(awards, "applied-data-analysis");
        assertThat(applied.path("credentialVersion").asInt()).isEqualTo(1);
        assertThat(applied.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(applied.path("awardedAt").asText()).isNotBlank();
        assertThat(texts(applied.path("evidence")))
                .containsExactly("6f1d3c2a-8b4e-4f6a-9c1d-2e3f4a5b6c01", "6f1d3c2a-8b4e-4f6a-9c1d-2e3f4a5b6c02");
        JsonNode sqlGrade = byCredential(awards, "sql-proficiency").path("gradeAchieved");
        assertThat(sqlGrade.path("value").asDouble()).isEqualTo(0.92);
        assertThat(sqlGrade.path("scale").asText()).isEqualTo("scaled");
        assertThat(sqlGrade.path("attempt").asText()).isEqualTo("best");
        assertThat(awards("bob")).as("0.6 is below the 0.8 threshold").isEmpty();
        JsonNode bobsSql = byCredential(
                list(json.readTree(get("/api/learners/bob/progress").body())), "sql-proficiency");
        assertThat(bobsSql.path("met").asBoolean()).isFalse();
        assertThat(bobsSql.path("criteria")
                        .get(0)
                        .path("criteria")
                        .get(0)
                        .path("missing")
                        .asText())
                .isEqualTo("the only attempt on https://lms.demo.credbridge.io/assessments/sql-final-exam scored 60%,"
                        + " needs >= 80%");
        JsonNode alicesCertificate = byCredential(
                list(json.readTree(get("/api/learners/alice/progress").body())), "applied-data-analysis");
        assertThat(alicesCertificate.path("heldAwardId").asText())
                .isEqualTo(applied.path("awardId").asText());

        for (JsonNode award : awards) {
            String awardId = award.path("awardId").asText();
            assertThat(csvRows(awardId)).singleElement().satisfies(row -> {
                assertThat(row.get("learner_id")).isEqualTo("alice");
                assertThat(row.get("credential_id"))
                        .isEqualTo(award.path("credentialId").asText());
                assertThat(row.get("action")).isEqualTo("ISSUED");
            });
            ConsumerRecord<String, byte[]> record = single(badgeRecords(awardId));
            assertThat(record.key()).isEqualTo("alice");
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getType()).isEqualTo("io.credbridge.badge.issued.v1");
            assertThat(event.getSource().toString()).endsWith("/badge");
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getDataContentType()).isEqualTo("application/avro");
            BadgeIssuance issuance = BadgeIssuance.getDecoder().decode(record.value());
            assertThat(event.getId()).isEqualTo(issuance.getIssuanceId());
            assertThat(issuance.getLearnerId()).isEqualTo("alice");
            assertThat(issuance.getCredential().getId())
                    .isEqualTo(award.path("credentialId").asText());
            assertThat(json.readTree(issuance.getOpenBadgeCredential())
                            .path("type")
                            .toString())
                    .contains("OpenBadgeCredential");
            assertSignedAndVerifiableFromTheServedDidDocument(issuance);
            assertThat(issuance.getLearner().getInstitutionalId()).isEqualTo("alice");
            if (issuance.getCredential().getId().equals("sql-proficiency")) {
                assertThat(issuance.getCredential().getEqfLevel()).isEqualTo(5);
                assertThat(issuance.getCredential().getCompetencies())
                        .extracting(competency -> competency.getCode())
                        .containsExactly("DU-SQL");
                assertThat(issuance.getGradeAchieved().getValue())
                        .as("alice's scaled score on the final exam")
                        .isEqualTo(0.92);
                assertThat(json.readTree(issuance.getOpenBadgeCredential())
                                .at("/credentialSubject/result/0/value")
                                .asText())
                        .isEqualTo("0.92");
            } else {
                assertThat(issuance.getGradeAchieved())
                        .as("earned through courses or credentials")
                        .isNull();
            }
        }

        assertReadableCloudEvent(
                single(learningEventsWithId("6f1d3c2a-8b4e-4f6a-9c1d-2e3f4a5b6c01")),
                "io.credbridge.learning-event.v1");
        assertThat(learningEventsWithId("6f1d3c2a-8b4e-4f6a-9c1d-2e3f4a5b6c04"))
                .as("an 'experienced' statement is acknowledged but not published")
                .isEmpty();
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains("credbridge_awards_total{credential=\"sql-proficiency\",source=\"xapi\"}")
                .contains("credbridge_badge_events_total{credential=\"applied-data-analysis\",source=\"xapi\"}")
                .contains(
                        "credbridge_transcript_rows_total{credential=\"data-analysis-fundamentals\",source=\"xapi\",target=\"csv\"}")
                .contains("credbridge_events_received_total{source=\"xapi\"}")
                .contains("credbridge_events_ignored_total{source=\"xapi\"}")
                .contains("credbridge_event_to_badge_latency_seconds_bucket")
                .contains("credbridge_route_exchanges_seconds_count{outcome=\"succeeded\",route=\"ingest-xapi\"}")
                .contains("credbridge_route_exchanges_seconds_count{outcome=\"succeeded\",route=\"award\"}")
                .contains("credbridge_route_exchanges_seconds_count{outcome=\"succeeded\",route=\"badge\"}")
                .contains("credbridge_route_exchanges_seconds_count{outcome=\"succeeded\",route=\"transcript\"}")
                .contains("credbridge_route_exchanges_inflight{route=\"dead-letter\"}")
                .contains("credbridge_outbox_waiting_events{destination=\"TRANSCRIPT\"}")
                .contains("credbridge_outbox_oldest_age_seconds{destination=\"BADGE\"}");
    }

    @Test
    void revokingABadgeRevokesTheCertificateStackedOnItAndEveryOutputHearsOfBothInOrder() throws Exception {
        String learner = newLearner("revoked");
        List<String> earned = earnSqlAndTheCertificate(learner, scored(newId(), learner, EXAM, 0.9));
        String sqlAward = earned.get(0);
        String certificate = earned.get(1);

        HttpResponse<String> revoked = post(
                "/api/awards/" + sqlAward + "/revoke",
                "{\"reason\": \"exam voided: proctoring breach\", \"actor\": \"registrar@demo.edu\"}");

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(texts(json.readTree(revoked.body()).path("revoked").findValues("awardId")))
                .containsExactly(sqlAward, certificate);
        awaitQuiet();
        List<JsonNode> history = awards(learner);
        assertThat(byCredential(history, "data-analysis-fundamentals")
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
        JsonNode sql = byCredential(history, "sql-proficiency");
        assertThat(sql.path("status").asText()).isEqualTo("REVOKED");
        assertThat(sql.path("endReason").asText()).isEqualTo("exam voided: proctoring breach");
        assertThat(sql.path("endedBy").asText())
                .as("the authenticated caller, not the actor the body names")
                .isEqualTo(TestCredentials.ADMIN_NAME);
        assertThat(byCredential(history, "applied-data-analysis")
                        .path("endReason")
                        .asText())
                .startsWith("stacked on sql-proficiency, which was revoked");
        for (String awardId : List.of(sqlAward, certificate)) {
            assertThat(csvRows(awardId)).extracting(row -> row.get("action")).containsExactly("ISSUED", "REVOKED");
            assertThat(badgeRecords(awardId))
                    .extracting(record -> decodeBadge(record).getAction().name())
                    .containsExactly("ISSUED", "REVOKED");
            assertThat(header(badgeRecords(awardId).get(1), "ce_type")).isEqualTo("io.credbridge.badge.revoked.v1");
        }
        assertRevocationStatusServed(sqlAward, true);
        assertRevocationStatusServed(certificate, true);
        assertRevocationStatusServed(
                byCredential(history, "data-analysis-fundamentals")
                        .path("awardId")
                        .asText(),
                false);

        assertThat(post("/api/awards/" + sqlAward + "/revoke", "{\"reason\": \"again\", \"actor\": \"r\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(post("/api/awards/no-such-award/revoke", "{\"reason\": \"x\", \"actor\": \"r\"}")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> noReason = post("/api/awards/" + certificate + "/revoke", "{\"actor\": \"r\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(texts(json.readTree(noReason.body()).path("errors").findValues("pointer")))
                .containsExactly("/reason");
    }

    @Test
    void aSuspendedBadgeShowsSuspendedOnTheServedSuspensionListUntilTheRegistrarReinstatesIt() throws Exception {
        String learner = newLearner("suspended");
        assertThat(post(completed(newId(), learner, LAB_SAFETY)).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(learner)).hasSize(1));
        awaitQuiet();
        String awardId = single(awards(learner)).path("awardId").asText();
        JsonNode statuses = json.readTree(
                        decodeBadge(badgeRecords(awardId).get(0)).getOpenBadgeCredential())
                .path("credentialStatus");
        assertThat(statuses.findValuesAsText("statusPurpose")).containsExactly("revocation", "suspension");
        String suspensionList = statuses.get(1).path("statusListCredential").asText();
        int index = Integer.parseInt(statuses.get(1).path("statusListIndex").asText());
        assertThat(verifiedStatusList(suspensionList, "suspension").isSet(index))
                .isFalse();

        HttpResponse<String> suspended =
                post("/api/awards/" + awardId + "/suspend", "{\"reason\": \"lab incident under review\"}");

        assertThat(suspended.statusCode()).isEqualTo(200);
        assertThat(json.readTree(suspended.body()).path("suspended").asBoolean())
                .isTrue();
        assertThat(verifiedStatusList(suspensionList, "suspension").isSet(index))
                .as("the bit is set as the suspension commits, before the badge event goes out")
                .isTrue();
        assertThat(verifiedStatusList(
                                statuses.get(0).path("statusListCredential").asText(), "revocation")
                        .isSet(index))
                .as("a suspended award is not revoked")
                .isFalse();
        assertThat(post("/api/awards/" + awardId + "/suspend", "{\"reason\": \"again\"}")
                        .statusCode())
                .isEqualTo(409);

        HttpResponse<String> reinstated =
                post("/api/awards/" + awardId + "/reinstate", "{\"reason\": \"incident cleared\"}");

        assertThat(reinstated.statusCode()).isEqualTo(200);
        assertThat(verifiedStatusList(suspensionList, "suspension").isSet(index))
                .isFalse();
        assertThat(post("/api/awards/" + awardId + "/reinstate", "{\"reason\": \"again\"}")
                        .statusCode())
                .isEqualTo(409);
        awaitQuiet();
        List<ConsumerRecord<String, byte[]>> records = badgeRecords(awardId);
        assertThat(records)
                .extracting(record -> decodeBadge(record).getAction().name())
                .containsExactly("ISSUED", "SUSPENDED", "REINSTATED");
        assertThat(decodeBadge(records.get(1)).getReason()).isEqualTo("lab incident under review");
        assertThat(header(records.get(1), "ce_type")).isEqualTo("io.credbridge.badge.suspended.v1");
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(json.readTree(decodeBadge(record).getOpenBadgeCredential())
                            .path("credentialStatus"))
                    .as("every record of the award names the same entries")
                    .isEqualTo(statuses);
        }
        assertThat(csvRows(awardId))
                .as("the award is still held: the SIS hears of no suspension")
                .extracting(row -> row.get("action"))
                .containsExactly("ISSUED");
        assertThat(single(awards(learner)).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForList(
                        "select action from admin_audit where target = ? order by occurred_at", String.class, awardId))
                .containsExactly("award.suspend", "award.reinstate");
        HttpResponse<String> noReason = post("/api/awards/" + awardId + "/suspend", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(texts(json.readTree(noReason.body()).path("errors").findValues("pointer")))
                .containsExactly("/reason");
    }

    @Test
    void aSuspensionOfABadgeWhoseDefinitionDoesNotAllowItIsRefusedNamingTheCatalogSetting() throws Exception {
        String learner = newLearner("not-suspendable");
        assertThat(post(completed(newId(), learner, COURSE)).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(learner)).hasSize(1));
        String awardId = single(awards(learner)).path("awardId").asText();

        HttpResponse<String> refused = post("/api/awards/" + awardId + "/suspend", "{\"reason\": \"x\"}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).path("detail").asText()).contains("suspendable: true");
        assertThat(post("/api/awards/no-such-award/suspend", "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPriorLearningAwardCountsAsHoldingTheCredentialAndCompletesTheCertificateStackedOnIt() throws Exception {
        String learner = newLearner("prior");
        assertThat(post(completed(newId(), learner, COURSE)).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(learner)).hasSize(1));

        HttpResponse<String> granted = post(
                "/api/learners/" + learner + "/awards",
                "{\"credentialId\": \"sql-proficiency\", \"basis\": \"PRIOR_LEARNING\","
                        + " \"reason\": \"industry certification assessed by the department\","
                        + " \"actor\": \"registrar@demo.edu\", \"earnedAt\": \"2026-06-01T00:00:00Z\"}");

        assertThat(granted.statusCode()).isEqualTo(201);
        List<JsonNode> both = list(json.readTree(granted.body()));
        assertThat(both)
                .extracting(award -> award.path("credentialId").asText())
                .containsExactly("sql-proficiency", "applied-data-analysis");
        assertThat(both.get(0).path("basis").asText()).isEqualTo("PRIOR_LEARNING");
        assertThat(both.get(0).path("grantedBy").asText())
                .as("the authenticated caller, not the actor the body names")
                .isEqualTo(TestCredentials.ADMIN_NAME);
        assertThat(both.get(0).path("earnedAt").asText()).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(both.get(1).path("basis").asText()).isEqualTo("EARNED");
        awaitQuiet();
        for (JsonNode award : both) {
            String awardId = award.path("awardId").asText();
            assertThat(csvRows(awardId)).extracting(row -> row.get("action")).containsExactly("ISSUED");
            assertThat(badgeRecords(awardId)).hasSize(1);
        }

        assertThat(post("/api/learners/" + learner + "/awards", grantOf("sql-proficiency", "MANUAL"))
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> unknown = post("/api/learners/" + learner + "/awards", grantOf("no-such", "MANUAL"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(texts(json.readTree(unknown.body()).path("errors").findValues("pointer")))
                .containsExactly("/credentialId");
        HttpResponse<String> tooLong =
                post("/api/learners/" + "x".repeat(300) + "/awards", grantOf("sql-proficiency", "MANUAL"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(texts(json.readTree(tooLong.body()).path("errors").findValues("pointer")))
                .containsExactly("/learnerId");
        HttpResponse<String> badBasis = post("/api/learners/" + learner + "/awards", grantOf("sql-proficiency", "X"));
        assertThat(badBasis.statusCode()).isEqualTo(400);
        assertThat(texts(json.readTree(badBasis.body()).path("errors").findValues("pointer")))
                .containsExactly("/basis");
    }

    private static String grantOf(String credentialId, String basis) {
        return "{\"credentialId\": \"" + credentialId + "\", \"basis\": \"" + basis
                + "\", \"reason\": \"r\", \"actor\": \"a\"}";
    }

    @Test
    void aDryRunOfADraftSaysWhoWouldHoldItAndAwardsNothing() throws Exception {
        String both = newLearner("aaa-dry-both");
        String courseOnly = newLearner("aaa-dry-course");
        assertThat(post("[" + completed(newId(), both, COURSE) + "," + scored(newId(), both, EXAM, 0.9) + ","
                                + completed(newId(), courseOnly, COURSE) + "]")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(both)).hasSize(3));
        awaitQuiet();
        String draft = """
                id: course-and-sql
                version: 1
                name: Course and SQL
                kind: certificate
                issuer: {id: "https://credentials.demo.credbridge.io/issuers/continuing-education", name: Demo}
                criteria:
                  - type: course-completed
                    course: %s
                  - type: credential-held
                    credential: sql-proficiency
                """.formatted(COURSE);

        HttpResponse<String> dryRun = post("/api/catalog/dry-run", draft, "application/yaml");

        assertThat(dryRun.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(dryRun.body());
        assertThat(result.path("credentialId").asText()).isEqualTo("course-and-sql");
        assertThat(result.path("wouldHold").asInt()).isPositive();
        List<String> sampled = texts(result.path("sample").findValues("learnerId"));
        assertThat(sampled).contains(both).doesNotContain(courseOnly);
        assertThat(awards(both))
                .extracting(award -> award.path("credentialId").asText())
                .doesNotContain("course-and-sql");

        HttpResponse<String> bad = post(
                "/api/catalog/dry-run",
                draft.replace("credential: sql-proficiency", "credential: nope").replace("version: 1", "version: 0"),
                "application/yaml");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("errors").toString()).contains("field 'version'");
    }

    @Test
    void aRegradeBelowTheThresholdRevokesTheBadgeAndTheCertificateOnItThenARetakeAwardsBothAgain() throws Exception {
        String learner = newLearner("regraded");
        List<String> earned = earnSqlAndTheCertificate(
                learner, scoredAttempt(newId(), learner, "attempt-1", 0.9, "2026-11-20T11:00:00Z"));
        String sqlAward = earned.get(0);
        String certificate = earned.get(1);

        String regrade = newId();
        assertThat(post(scoredAttempt(regrade, learner, "attempt-1", 0.6, "2026-11-21T09:00:00Z"))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(byCredential(awards(learner), "applied-data-analysis")
                                .path("status")
                                .asText())
                        .isEqualTo("REVOKED"));
        JsonNode sql = byCredential(awards(learner), "sql-proficiency");
        assertThat(sql.path("status").asText()).isEqualTo("REVOKED");
        assertThat(sql.path("endReason").asText()).contains("no longer hold after event " + regrade);
        awaitQuiet();
        for (String awardId : List.of(sqlAward, certificate)) {
            assertThat(csvRows(awardId)).extracting(row -> row.get("action")).containsExactly("ISSUED", "REVOKED");
            assertThat(badgeRecords(awardId))
                    .extracting(record -> decodeBadge(record).getAction().name())
                    .containsExactly("ISSUED", "REVOKED");
        }
        JsonNode progress = byCredential(
                list(json.readTree(get("/api/learners/" + learner + "/progress").body())), "sql-proficiency");
        assertThat(progress.path("criteria")
                        .get(0)
                        .path("criteria")
                        .get(0)
                        .path("missing")
                        .asText())
                .isEqualTo("the only attempt on " + EXAM + " scored 60%, needs >= 80%");

        assertThat(post(scoredAttempt(newId(), learner, "attempt-2", 0.85, "2026-11-22T09:00:00Z"))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(awards(learner))
                        .filteredOn(award -> award.path("status").asText().equals("ACTIVE"))
                        .extracting(award -> award.path("credentialId").asText())
                        .containsExactlyInAnyOrder(
                                "data-analysis-fundamentals", "sql-proficiency", "applied-data-analysis"));
        assertThat(awards(learner)).hasSize(5);
    }

    @Test
    void aVoidedStatementRevokesTheAwardThatRestedOnItAndALaterCompletionAwardsItAgain() throws Exception {
        String learner = newLearner("voided");
        String completion = newId();
        assertThat(post(completed(completion, learner, COURSE)).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(learner)).hasSize(1));
        awaitQuiet();
        String first = single(awards(learner)).path("awardId").asText();

        assertThat(post(voiding(newId(), completion)).statusCode()).isEqualTo(200);

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(single(awards(learner)).path("status").asText())
                                .isEqualTo("REVOKED"));
        assertThat(single(awards(learner)).path("endReason").asText())
                .contains(completion)
                .contains("voided");
        awaitQuiet();
        assertThat(csvRows(first)).extracting(row -> row.get("action")).containsExactly("ISSUED", "REVOKED");
        assertThat(badgeRecords(first))
                .extracting(record -> decodeBadge(record).getAction().name())
                .containsExactly("ISSUED", "REVOKED");

        assertThat(post(completed(newId(), learner, COURSE)).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(awards(learner))
                        .extracting(award -> award.path("status").asText())
                        .containsExactlyInAnyOrder("REVOKED", "ACTIVE"));

        String latecomer = newLearner("voided-first");
        String withdrawnBeforeArrival = newId();
        assertThat(post(voiding(newId(), withdrawnBeforeArrival)).statusCode()).isEqualTo(200);
        awaitQuiet();
        assertThat(post(completed(withdrawnBeforeArrival, latecomer, COURSE)).statusCode())
                .isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> learningEventsWithId(withdrawnBeforeArrival).size() == 1);
        awaitQuiet();
        assertThat(awards(latecomer))
                .as("a statement voided before it arrived never counts")
                .isEmpty();
    }

    @Test
    void postingTheSameStatementTwiceAwardsWritesAndPublishesOnce() throws Exception {
        String learner = newLearner("dup");
        String id = newId();

        assertThat(post(completed(id, learner, COURSE)).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(learner)).hasSize(1));
        assertThat(post(completed(id, learner, COURSE)).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> learningEventsWithId(id).size() == 2);
        awaitQuiet();

        assertExactlyOneAwardRowAndBadgeEvent(learner);
    }

    @Test
    void theSameKafkaRecordDeliveredTwiceAwardsWritesAndPublishesOnce() throws Exception {
        String learner = newLearner("redelivered");
        byte[] record = LearningEvent.getEncoder()
                .encode(LearningEvent.newBuilder()
                        .setEventId(newId())
                        .setSource("xapi")
                        .setOccurredAt(Instant.parse("2026-11-20T10:00:00Z"))
                        .setReceivedAt(Instant.now())
                        .setType(LearningEventType.COURSE_COMPLETED)
                        .setLearnerIds(List.of(LearnerIdentifier.newBuilder()
                                .setScheme("account")
                                .setValue(learner)
                                .build()))
                        .setObjectId(COURSE)
                        .setCourseIds(List.of(COURSE))
                        .build())
                .array();

        kafka().send(LEARNING_EVENTS, learner, record);
        kafka().send(LEARNING_EVENTS, learner, record);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(learner)).hasSize(1));
        awaitQuiet();

        assertExactlyOneAwardRowAndBadgeEvent(learner);
    }

    @Test
    void garbageAndBatchesWithOneBadStatementAreRefusedWithProblemDetailsAndNothingIsPublished() throws Exception {
        String learner = newLearner("refused");
        Map<TopicPartition, Long> before = kafka().endOffsets(LEARNING_EVENTS);

        HttpResponse<String> garbage = post("{\"actor\": ");
        HttpResponse<String> mixed =
                post("[" + completed(newId(), learner, COURSE) + "," + withoutVerb(newId(), learner) + "]");

        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode garbageProblem = json.readTree(garbage.body());
        assertThat(garbageProblem.path("status").asInt()).isEqualTo(400);
        assertThat(garbageProblem.path("detail").asText()).containsIgnoringCase("line");
        assertThat(mixed.statusCode()).isEqualTo(400);
        JsonNode mixedProblem = json.readTree(mixed.body());
        assertThat(texts(mixedProblem.path("errors").findValues("pointer")))
                .anySatisfy(pointer -> assertThat(pointer).startsWith("/1"));
        assertThat(mixedProblem.path("errors").toString()).contains("verb");

        assertThat(kafka().endOffsets(LEARNING_EVENTS)).isEqualTo(before);
        awaitQuiet();
        assertThat(awards(learner)).isEmpty();
        assertThat(get("/actuator/prometheus").body()).contains("credbridge_events_rejected_total{source=\"xapi\"}");
    }

    @Test
    void anXapiClientStoresWithPutLearnsOfConflictsAndDuplicatesAndIsToldCredBridgeServesNoStatements()
            throws Exception {
        String learner = newLearner("put");
        String id = newId();

        HttpResponse<String> stored =
                xapi("PUT", "/lms/xapi/statements?statementId=" + id, completed(id, learner, COURSE));
        assertThat(stored.statusCode()).isEqualTo(204);
        assertThat(stored.body()).isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(learner)).hasSize(1));
        assertThat(xapi("PUT", "/lms/xapi/statements?statementId=" + id, completed(id, learner, COURSE))
                        .statusCode())
                .as("the same statement again is a redelivery")
                .isEqualTo(204);

        HttpResponse<String> conflict =
                xapi("PUT", "/lms/xapi/statements?statementId=" + id, completed(id, learner, EXAM));
        assertThat(conflict.statusCode()).isEqualTo(409);
        JsonNode conflictProblem = json.readTree(conflict.body());
        assertThat(conflictProblem.path("type").asText()).isEqualTo("urn:credbridge:problem:conflict");
        assertThat(conflictProblem.path("errors").get(0).path("pointer").asText())
                .isEqualTo("/id");
        assertThat(xapi(
                                "POST",
                                "/lms/xapi/statements",
                                "[" + completed(newId(), learner, EXAM) + "," + completed(id, learner, EXAM) + "]")
                        .statusCode())
                .as("a batch holding a conflicting id is refused as a whole")
                .isEqualTo(409);

        String twice = newId();
        HttpResponse<String> duplicates = xapi(
                "POST",
                "/lms/xapi/statements",
                "[" + completed(twice, learner, EXAM) + "," + completed(twice, learner, COURSE) + "]");
        assertThat(duplicates.statusCode()).isEqualTo(400);
        assertThat(json.readTree(duplicates.body())
                        .path("errors")
                        .get(0)
                        .path("pointer")
                        .asText())
                .isEqualTo("/1/id");
        assertThat(xapi("PUT", "/lms/xapi/statements", completed(newId(), learner, EXAM))
                        .statusCode())
                .as("PUT without statementId")
                .isEqualTo(400);

        HttpResponse<String> retrieval = xapi("GET", "/lms/xapi/statements?statementId=" + id, null);
        assertThat(retrieval.statusCode()).isEqualTo(405);
        assertThat(retrieval.headers().firstValue("Allow")).hasValue("PUT, POST");
        assertThat(retrieval.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(retrieval.body()).path("title").asText()).isEqualTo("CredBridge is not an LRS");

        HttpResponse<String> about = xapi("GET", "/lms/xapi/about", null);
        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(texts(json.readTree(about.body()).path("version"))).contains("1.0.3", "1.0.0", "2.0.0");

        String text = "a certificate of attendance";
        String sha2 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
        String withAttachment = completed(newId(), learner, EXAM).strip();
        withAttachment = withAttachment.substring(0, withAttachment.length() - 1)
                + ", \"attachments\": [{\"usageType\": \"http://example.com/usage/certificate\","
                + " \"display\": {\"en-US\": \"Certificate\"}, \"contentType\": \"text/plain\", \"length\": "
                + text.length() + ", \"sha2\": \"" + sha2 + "\"}]}";
        HttpResponse<String> attachments = multipart(withAttachment, text, sha2);
        assertThat(attachments.statusCode()).as(attachments.body()).isEqualTo(200);
        HttpResponse<String> tampered = multipart(withAttachment, "a forged certificate", sha2);
        assertThat(tampered.statusCode()).as("never a 500").isEqualTo(400);
        assertThat(json.readTree(tampered.body())
                        .path("errors")
                        .get(0)
                        .path("detail")
                        .asText())
                .contains("holds content whose SHA-256 is");
        HttpResponse<String> alternate = http.send(
                HttpRequest.newBuilder(uri("/lms/xapi/statements?method=PUT"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("statementId=" + newId() + "&content=%7B%7D"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(alternate.statusCode()).isEqualTo(400);
        assertThat(json.readTree(alternate.body()).path("title").asText())
                .isEqualTo("Alternate request syntax not supported");
        HttpResponse<String> noVersion = http.send(
                HttpRequest.newBuilder(uri("/lms/xapi/statements"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(completed(newId(), learner, EXAM)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noVersion.statusCode()).isEqualTo(400);
        HttpResponse<String> otherMethod = xapi("DELETE", "/lms/xapi/statements", null);
        assertThat(otherMethod.statusCode()).isEqualTo(405);

        for (HttpResponse<String> answer : List.of(
                stored, conflict, duplicates, retrieval, about, attachments, alternate, noVersion, otherMethod)) {
            assertThat(answer.headers().firstValue("X-Experience-API-Version"))
                    .as("version header on the %s answer %d", answer.request().method(), answer.statusCode())
                    .hasValue("1.0.3");
        }
        awaitQuiet();
        assertThat(awards(learner)).as("nothing refused was published").hasSize(1);
    }

    @Test
    void anEventWithoutAUsableLearnerIsDeadLetteredWhileTheRestGoesOnAndItCanBeReplayed() throws Exception {
        String unusableId = newId();
        String learner = newLearner("alongside");

        HttpResponse<String> response = post(
                "[" + completedByHashedMailbox(unusableId, COURSE) + "," + completed(newId(), learner, COURSE) + "]");

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(learner)).hasSize(1));
        JsonNode deadLetter = await().atMost(PATIENCE).until(() -> deadLetterFor(unusableId, "NEW"), dl -> dl != null);
        assertThat(deadLetter.path("stage").asText()).isEqualTo("award");
        assertThat(deadLetter.path("reason").asText()).contains("mbox_sha1sum").contains("accepted-schemes");
        assertThat(deadLetter.path("originTopic").asText()).isEqualTo(LEARNING_EVENTS);
        LearningEvent original = LearningEvent.getDecoder()
                .decode(java.util.Base64.getDecoder()
                        .decode(deadLetter.path("payloadBase64").asText()));
        assertThat(original.getEventId()).isEqualTo(unusableId);

        ConsumerRecord<String, byte[]> published = await().atMost(PATIENCE)
                .until(() -> deadLetterRecords(unusableId), records -> records.size() == 1)
                .get(0);
        assertThat(header(published, "dlt_stage")).isEqualTo("award");
        assertThat(header(published, "dlt_reason")).contains("mbox_sha1sum");
        assertThat(header(published, "ce_type")).isEqualTo("io.credbridge.dead-letter.v1");
        assertReadableCloudEvent(published, "io.credbridge.dead-letter.v1");

        HttpResponse<String> replay =
                post("/api/dead-letters/" + deadLetter.path("deadLetterId").asText() + "/replay", "");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).path("status").asText()).isEqualTo("REPLAYED");
        // The identity settings are unchanged, so the replayed event is processed again and dead-lettered again.
        await().atMost(PATIENCE).until(() -> deadLetterFor(unusableId, "NEW") != null);
        HttpResponse<String> again =
                post("/api/dead-letters/" + deadLetter.path("deadLetterId").asText() + "/replay", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).path("detail").asText()).contains("already replayed");
        assertThat(post("/api/dead-letters/no-such-id/replay", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aTranscriptDeliveryThatKeepsFailingIsDeadLetteredAndReplayedOnceTheSisIsBack() throws Exception {
        String learner = newLearner("sis-down");
        Path directory = csv.directory();
        Path aside = directory.resolveSibling(directory.getFileName() + "-aside");
        awaitQuiet();
        Files.createDirectories(directory);
        Files.move(directory, aside);
        Files.writeString(directory, "not a directory: the SIS import share is unavailable");
        JsonNode deadLetter;
        String awardId;
        try {
            post(completed(newId(), learner, COURSE));
            awardId = await().atMost(PATIENCE)
                    .until(() -> awards(learner), list -> list.size() == 1)
                    .get(0)
                    .path("awardId")
                    .asText();
            deadLetter = await().atMost(PATIENCE)
                    .until(
                            () -> deadLetters("NEW").stream()
                                    .filter(dl -> dl.path("stage").asText().equals("transcript")
                                            && dl.path("originKey").asText().equals(awardId))
                                    .findFirst()
                                    .orElse(null),
                            dl -> dl != null);
        } finally {
            Files.delete(directory);
            Files.move(aside, directory);
        }
        assertThat(deadLetter.path("reason").asText()).contains("last allowed attempt");
        assertThat(csvRows(awardId)).isEmpty();

        HttpResponse<String> replay =
                post("/api/dead-letters/" + deadLetter.path("deadLetterId").asText() + "/replay", "");

        assertThat(replay.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(csvRows(awardId)).hasSize(1));
        assertThat(badgeRecords(awardId))
                .as("the badge went out while the SIS was down")
                .hasSize(1);
    }

    @Test
    void anEventTheLedgerCannotStoreIsDeadLetteredAndTheRestOfItsBatchIsAwarded() throws Exception {
        String healthy = newLearner("healthy");
        String poisonId = newId();
        // Longer than the ledger's attempt ids; an overlong learner id is refused before the ledger, with its
        // pseudonym.
        String overlongAttempt = "attempt-" + "9".repeat(300);

        HttpResponse<String> response = post("[" + completed(newId(), healthy, COURSE) + ","
                + scoredAttempt(poisonId, newLearner("poison"), overlongAttempt, 0.9, "2026-11-20T11:00:00Z") + "]");

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(healthy)).hasSize(1));
        JsonNode deadLetter = await().atMost(PATIENCE).until(() -> deadLetterFor(poisonId, "NEW"), dl -> dl != null);
        assertThat(deadLetter.path("stage").asText()).isEqualTo("award");
        assertThat(deadLetter.path("reason").asText()).startsWith("applying the event failed");
        awaitQuiet();
    }

    @Test
    void theAppServesAnOpenApiDocumentOfItsRestApis() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(response.body()).path("paths");
        assertThat(paths.has("/api/awards/{awardId}/revoke")).isTrue();
        assertThat(paths.has("/api/learners/{learnerId}/awards")).isTrue();
        assertThat(paths.has("/api/learners/{learnerId}/progress")).isTrue();
        assertThat(paths.has("/api/catalog/dry-run")).isTrue();
        assertThat(paths.has("/api/dead-letters/{deadLetterId}/replay")).isTrue();
    }

    @Test
    void everyApiAnswersAMistypedParameterWithAProblemNamingItAndWhatItTakes() throws Exception {
        HttpResponse<String> deadLetters = get("/api/dead-letters?status=LOST");
        HttpResponse<String> entries = get("/api/transcript/entries?status=PENDING_REVIEW&limit=many");

        assertThat(deadLetters.statusCode()).isEqualTo(400);
        assertThat(json.readTree(deadLetters.body())
                        .path("errors")
                        .get(0)
                        .path("detail")
                        .asText())
                .isEqualTo("status must be one of NEW, REPLAYED (was 'LOST')");
        assertThat(entries.statusCode()).isEqualTo(400);
        assertThat(json.readTree(entries.body())
                        .path("errors")
                        .get(0)
                        .path("pointer")
                        .asText())
                .isEqualTo("/limit");
        assertThat(json.readTree(entries.body())
                        .path("errors")
                        .get(0)
                        .path("detail")
                        .asText())
                .isEqualTo("limit must be a whole number (was 'many')");
    }

    @Test
    void healthReportsTheDatabaseKafkaAndTheAwardConsumerUp() throws Exception {
        JsonNode health = await().atMost(PATIENCE)
                .until(
                        () -> json.readTree(get("/actuator/health").body()),
                        body -> body.path("status").asText().equals("UP"));

        assertThat(health.path("components").path("awardStage").path("details").path("partitions"))
                .as("the award consumer holds the learning-events partitions")
                .isNotEmpty();
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asText())
                .isEqualTo("UP");
    }

    // --- what the tests observe ---

    void assertExactlyOneAwardRowAndBadgeEvent(String learner) throws Exception {
        String awardId = single(awards(learner)).path("awardId").asText();
        assertThat(csvRows(awardId)).hasSize(1);
        assertThat(badgeRecords(awardId)).hasSize(1);
    }

    /**
     * What a downstream verifier does: resolve the issuer's did:web document from CredBridge, take the key the JWS
     * names, and check the JWS with a JOSE library other than the one that signed it (jjwt; CredBridge uses nimbus).
     */
    void assertSignedAndVerifiableFromTheServedDidDocument(BadgeIssuance issuance) throws Exception {
        HttpResponse<String> response = get("/issuers/continuing-education/did.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode didDocument = json.readTree(response.body());
        String jwt = issuance.getVcJwt();
        byte[] payload = verifiedJwsPayload(jwt, didDocument);
        assertThat(json.readTree(payload)).isEqualTo(json.readTree(issuance.getOpenBadgeCredential()));
        JsonNode proof = json.readTree(issuance.getDataIntegrityCredential())
                .path("proof")
                .get(0);
        assertThat(proof.path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(didDocument.path("assertionMethod").toString())
                .contains("\"" + proof.path("verificationMethod").asText() + "\"");
        JsonNode contexts = json.readTree(issuance.getOpenBadgeCredential()).path("@context");
        String extension = contexts.get(contexts.size() - 1).asText();
        assertThat(extension).endsWith("/contexts/credbridge-eu-microcredential-v1.jsonld");
        HttpResponse<String> served = get(URI.create(extension).getPath());
        assertThat(served.statusCode())
                .as("the extension context is served where the credential names it")
                .isEqualTo(200);
        assertThat(json.readTree(served.body()).path("@context").has("learningOutcomes"))
                .isTrue();
    }

    /**
     * What a verifier's status check does with the badge record alone: follow {@code statusListCredential}, check the
     * list's Data Integrity proof with the key from the issuer's did:web document (BouncyCastle, not CredBridge's
     * signer), and decode {@code encodedList} by the spec (java.util.zip and Base64 here) to read the award's bit.
     * Every set bit must be a revoked award's: a bit set by mistake would revoke someone else's credential.
     */
    void assertRevocationStatusServed(String awardId, boolean revoked) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = badgeRecords(awardId);
        JsonNode status = json.readTree(decodeBadge(records.get(0)).getOpenBadgeCredential())
                .path("credentialStatus");
        assertThat(status.path("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.path("statusPurpose").asText()).isEqualTo("revocation");
        for (ConsumerRecord<String, byte[]> later : records) {
            assertThat(json.readTree(decodeBadge(later).getOpenBadgeCredential())
                            .path("credentialStatus"))
                    .as("every record of the award names the same entry")
                    .isEqualTo(status);
        }
        String listPath =
                URI.create(status.path("statusListCredential").asText()).getPath();
        String slug = listPath.split("/")[2];
        StatusListBits bits =
                verifiedStatusList(status.path("statusListCredential").asText(), "revocation");
        assertThat(bits.isSet(Integer.parseInt(status.path("statusListIndex").asText())))
                .isEqualTo(revoked);
        List<Integer> revokedInList = jdbc.queryForList(
                "select e.status_index from badge_status_entry e join award a on a.award_id = e.award_id"
                        + " where a.status = 'REVOKED' and e.issuer_slug = ? and e.list_number = ?",
                Integer.class,
                slug,
                Integer.parseInt(listPath.substring(listPath.lastIndexOf('/') + 1)));
        assertThat(bits.bits().stream().boxed().toList()).containsExactlyInAnyOrderElementsOf(revokedInList);
    }

    /**
     * A verifier's fetch of a status list: served with caching headers and an ETag it can revalidate, its Data
     * Integrity proof checked with the key from the issuer's did:web document (BouncyCastle, not CredBridge's
     * signer), and {@code encodedList} decoded by the spec (java.util.zip and Base64 here); then the VC-JOSE form of
     * the same list, asked for with {@code Accept: application/vc+jwt}, must say the same.
     */
    StatusListBits verifiedStatusList(String url, String purpose) throws Exception {
        String listPath = URI.create(url).getPath();
        String slug = listPath.split("/")[2];
        HttpResponse<String> served = get(listPath);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("max-age"));
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(http.send(
                                HttpRequest.newBuilder(uri(listPath))
                                        .header("If-None-Match", etag)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(304);

        JsonNode list = json.readTree(served.body());
        assertThat(list.path("type").toString()).contains("BitstringStatusListCredential");
        assertThat(list.path("id").asText()).isEqualTo(url);
        assertThat(list.path("credentialSubject").path("statusPurpose").asText())
                .isEqualTo(purpose);
        String verificationMethod =
                list.path("proof").get(0).path("verificationMethod").asText();
        JsonNode didDocument =
                json.readTree(get("/issuers/" + slug + "/did.json").body());
        byte[] publicKey = StreamSupport.stream(
                        didDocument.path("verificationMethod").spliterator(), false)
                .filter(method -> method.path("id").asText().equals(verificationMethod + "-jwk"))
                .map(method -> java.util.Base64.getUrlDecoder()
                        .decode(method.path("publicKeyJwk").path("x").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(verificationMethod + " is not in the issuer's DID document"));
        assertThat(new CredentialVerifier(Map.of(verificationMethod, publicKey)).verifiesDataIntegrity(served.body()))
                .isTrue();

        StatusListBits bits = StatusListBits.decode(
                list.path("credentialSubject").path("encodedList").asText());
        assertThat(bits.length()).isGreaterThanOrEqualTo(16 * 1024 * 8);

        // The same URL as VC-JOSE, for a verifier that asks for it: checked with jjwt and the did:web JWK.
        HttpResponse<String> jose = http.send(
                HttpRequest.newBuilder(uri(listPath))
                        .header("Accept", "application/vc+jwt")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jose.statusCode()).isEqualTo(200);
        assertThat(jose.headers().firstValue("Content-Type")).hasValue("application/vc+jwt");
        assertThat(jose.headers().firstValue("Vary"))
                .hasValueSatisfying(vary -> assertThat(vary).contains("Accept"));
        JsonNode payload = json.readTree(verifiedJwsPayload(jose.body(), didDocument));
        assertThat(payload.path("id").asText()).isEqualTo(url);
        assertThat(StatusListBits.decode(payload.path("credentialSubject")
                                .path("encodedList")
                                .asText())
                        .bits())
                .as("both forms say the same")
                .isEqualTo(bits.bits());
        return bits;
    }

    /**
     * Checks a compact JWS as a verifier does: the key its {@code kid} names, from the issuer's did:web document, with
     * a JOSE library other than the one that signed it (jjwt; CredBridge uses nimbus).
     */
    byte[] verifiedJwsPayload(String jwt, JsonNode didDocument) throws Exception {
        String kid = json.readTree(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))))
                .path("kid")
                .asText();
        JsonNode method = StreamSupport.stream(
                        didDocument.path("verificationMethod").spliterator(), false)
                .filter(candidate -> candidate.path("id").asText().equals(kid))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kid + " is not in the issuer's DID document"));
        java.security.PublicKey key = (java.security.PublicKey) io.jsonwebtoken.security.Jwks.parser()
                .build()
                .parse(method.path("publicKeyJwk").toString())
                .toKey();
        return io.jsonwebtoken.Jwts.parser()
                .verifyWith(key)
                .build()
                .parseSignedContent(jwt)
                .getPayload();
    }

    HttpResponse<String> post(String statements) throws IOException, InterruptedException {
        return post("/lms/xapi/statements", statements);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, "application/json");
    }

    HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", contentType)
                        .header("X-Experience-API-Version", "1.0.3")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Statements with one attachment part, as xAPI sends attachments (multipart/mixed). */
    HttpResponse<String> multipart(String statement, String attachment, String sha2)
            throws IOException, InterruptedException {
        String body = "--b0undary\r\nContent-Type: application/json\r\n\r\n" + statement
                + "\r\n--b0undary\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash: " + sha2 + "\r\n\r\n" + attachment + "\r\n--b0undary--\r\n";
        return http.send(
                HttpRequest.newBuilder(uri("/lms/xapi/statements"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", "multipart/mixed; boundary=b0undary")
                        .header("X-Experience-API-Version", "1.0.3")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request as an xAPI client library sends it: JSON with the version header. */
    HttpResponse<String> xapi(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", "application/json")
                        .header("X-Experience-API-Version", "1.0.3")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    List<JsonNode> awards(String learner) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/learners/" + learner + "/awards");
        assertThat(response.statusCode()).isEqualTo(200);
        return list(json.readTree(response.body()));
    }

    List<JsonNode> deadLetters(String status) throws IOException, InterruptedException {
        return list(json.readTree(get("/api/dead-letters?status=" + status).body()));
    }

    JsonNode deadLetterFor(String eventId, String status) throws IOException, InterruptedException {
        return deadLetters(status).stream()
                .filter(dl -> dl.path("eventId").asText().equals(eventId))
                .findFirst()
                .orElse(null);
    }

    /** Waits until the award stage has committed every learning event and the outbox has nothing pending. */
    void awaitQuiet() {
        await().atMost(PATIENCE)
                .until(() -> kafka().caughtUp("credbridge-award", LEARNING_EVENTS)
                        && jdbc.queryForObject(
                                        "select count(*) from outbox_event where status in ('PENDING', 'WAITING')",
                                        Long.class)
                                == 0);
    }

    /**
     * The learner completes the course and passes the exam with this statement: both badges and the certificate
     * stacked on them are awarded and delivered.
     *
     * @return the award ids of sql-proficiency and of the certificate
     */
    List<String> earnSqlAndTheCertificate(String learner, String examStatement) throws Exception {
        assertThat(post("[" + completed(newId(), learner, COURSE) + "," + examStatement + "]")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awards(learner)).hasSize(3));
        awaitQuiet();
        List<JsonNode> awards = awards(learner);
        return List.of(
                byCredential(awards, "sql-proficiency").path("awardId").asText(),
                byCredential(awards, "applied-data-analysis").path("awardId").asText());
    }

    List<CSVRecord> csvRows(String awardId) throws IOException {
        return TranscriptCsv.rows(csv.directory(), awardId);
    }

    /** Read as any CloudEvents consumer reads it: the SDK finds every attribute under the binding's names. */
    static void assertReadableCloudEvent(ConsumerRecord<String, byte[]> record, String type) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getDataContentType()).isEqualTo("application/avro");
        assertThat(record.headers().lastHeader("Content-Type"))
                .as("Camel's spelling must not leak")
                .isNull();
    }

    static BadgeIssuance decodeBadge(ConsumerRecord<String, byte[]> record) {
        return decode(BadgeIssuance.getDecoder(), record.value());
    }

    List<ConsumerRecord<String, byte[]>> badgeRecords(String awardId) {
        return kafka().readAll(BADGES).stream()
                .filter(record -> decode(BadgeIssuance.getDecoder(), record.value())
                        .getAwardId()
                        .equals(awardId))
                .toList();
    }

    List<ConsumerRecord<String, byte[]>> deadLetterRecords(String eventId) {
        return kafka().readAll(DEAD_LETTERS).stream()
                .filter(record -> eventId.equals(
                        decode(DeadLetter.getDecoder(), record.value()).getEventId()))
                .toList();
    }

    List<ConsumerRecord<String, byte[]>> learningEventsWithId(String eventId) {
        return kafka().readAll(LEARNING_EVENTS).stream()
                .filter(record -> decode(LearningEvent.getDecoder(), record.value())
                        .getEventId()
                        .equals(eventId))
                .toList();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static <T> T decode(BinaryMessageDecoder<T> decoder, byte[] value) {
        try {
            return decoder.decode(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static JsonNode byCredential(List<JsonNode> awards, String credentialId) {
        return awards.stream()
                .filter(a -> a.path("credentialId").asText().equals(credentialId))
                .findFirst()
                .orElseThrow();
    }
}

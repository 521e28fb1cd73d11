package io.credbridge.endtoend;

import static io.credbridge.endtoend.XapiStatements.COURSE;
import static io.credbridge.endtoend.XapiStatements.HOME;
import static io.credbridge.endtoend.XapiStatements.completed;
import static io.credbridge.endtoend.XapiStatements.newId;
import static io.credbridge.endtoend.XapiStatements.newLearner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.transcript.CsvTranscriptProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code require-sis-id}, an event whose learner has no SIS person id yet is parked, not dropped and not
 * dead-lettered, and is evaluated the moment a mapping for its learner is uploaded: the award is keyed by the SIS
 * person id and the transcript row carries it. A course mapping then makes the learner's completion count for a
 * credential that names the SIS course.
 */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParkedUntilMappedEndToEndIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CsvTranscriptProperties csv;

    @DynamicPropertySource
    static void productionParts(DynamicPropertyRegistry registry) throws IOException {
        TestCredentials.register(registry);
        PostgresEndToEndIT.productionParts(registry);
        registry.add("credbridge.identity.require-sis-id", () -> "true");
        registry.add("credbridge.catalog.locations[0]", () -> "classpath:demo/catalog/*.yaml");
        registry.add("credbridge.catalog.locations[1]", () -> "classpath:catalog-sis/*.yaml");
        EmbeddedParts.ownTopics(registry, "parked");
    }

    @Test
    void anEventOfAnUnmappedLearnerIsParkedAndAwardedUnderTheSisIdOnceItsMappingIsUploaded() throws Exception {
        String learner = newLearner("unmapped");
        String statement = newId();
        assertThat(post("/lms/xapi/statements", completed(statement, learner, COURSE), "application/json")
                        .statusCode())
                .isEqualTo(200);

        JsonNode parked = await().atMost(PATIENCE).until(() -> parkedEvent(statement), event -> event != null);
        assertThat(parked.path("reason").asText()).contains("no SIS person id").contains("require-sis-id");
        assertThat(jdbc.queryForObject("select count(*) from award", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from dead_letter where event_id = ?", Long.class, statement))
                .as("waiting for a mapping is not a failure")
                .isZero();

        HttpResponse<String> upload = post(
                "/api/identity/mappings",
                "kind,scheme,lms_namespace,lms_id,sis_id\nlearner,account," + HOME + "," + learner + ",S-" + learner
                        + "\n",
                "text/csv");

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(json.readTree(upload.body()).path("parkedEventsReleased").asInt())
                .isEqualTo(1);
        List<JsonNode> awards =
                list(json.readTree(get("/api/learners/S-" + learner + "/awards").body()));
        assertThat(awards).singleElement().satisfies(award -> {
            assertThat(award.path("credentialId").asText()).isEqualTo("data-analysis-fundamentals");
            assertThat(award.path("sisPersonId").asText()).isEqualTo("S-" + learner);
        });
        assertThat(parkedEvent(statement)).as("released").isNull();
        String awardId = awards.get(0).path("awardId").asText();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(csvRows(awardId))
                        .singleElement()
                        .satisfies(row -> assertThat(row.get("sis_person_id")).isEqualTo("S-" + learner)));

        assertThat(post("/api/identity/mappings", "kind,lms_id,sis_id\ncourse," + COURSE + ",STAT-101\n", "text/csv")
                        .statusCode())
                .isEqualTo(200);
        assertThat(list(json.readTree(
                        get("/api/learners/S-" + learner + "/awards").body())))
                .as("the course mapping makes the completion count for the credential naming STAT-101, at once")
                .allSatisfy(
                        award -> assertThat(award.path("sisPersonId").asText()).isEqualTo("S-" + learner))
                .extracting(award -> award.path("credentialId").asText())
                .containsExactlyInAnyOrder("data-analysis-fundamentals", "stat-101-completed");
        HttpResponse<String> dryRun = post("/api/catalog/dry-run", """
                id: stat-101-badge
                version: 1
                name: STAT 101 completed
                kind: badge
                issuer: {id: "https://credentials.demo.credbridge.io/issuers/registrar", name: Registrar}
                criteria:
                  - {type: course-completed, sisCourse: STAT-101}
                """, "application/yaml");
        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(json.readTree(dryRun.body()).path("sample").findValuesAsText("learnerId"))
                .as("a draft naming the SIS course counts completions of the LMS course mapped to it")
                .contains("S-" + learner);

        assertThat(post("/lms/xapi/statements", completed(statement, learner, COURSE), "application/json")
                        .statusCode())
                .isEqualTo(200);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() -> {
            assertThat(parkedEvent(statement))
                    .as("a redelivery of a released event is a duplicate")
                    .isNull();
            assertThat(list(json.readTree(
                            get("/api/learners/S-" + learner + "/awards").body())))
                    .hasSize(2);
        });
    }

    private JsonNode parkedEvent(String eventId) throws IOException, InterruptedException {
        return list(json.readTree(get("/api/identity/parked?limit=1000").body())).stream()
                .filter(event -> event.path("eventId").asText().equals(eventId))
                .findFirst()
                .orElse(null);
    }

    private List<CSVRecord> csvRows(String awardId) throws IOException {
        return TranscriptCsv.rows(csv.directory(), awardId);
    }

    private HttpResponse<String> post(String path, String body, String contentType)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", contentType)
                        .header("X-Experience-API-Version", "1.0.3")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}

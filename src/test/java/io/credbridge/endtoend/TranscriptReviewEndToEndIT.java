package io.credbridge.endtoend;

import static io.credbridge.endtoend.XapiStatements.COURSE;
import static io.credbridge.endtoend.XapiStatements.completed;
import static io.credbridge.endtoend.XapiStatements.newId;
import static io.credbridge.endtoend.XapiStatements.newLearner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.transcript.CsvTranscriptProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The whole application on its zero-setup parts with a catalog whose credentials the registrar controls: an entry
 * of a credential under review waits in the queue until approved, then lands in the CSV import file; a rejected one
 * never does; a credential never transcripted still awards its badge and writes no entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TranscriptReviewEndToEndIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String ORIENTATION = "https://lms.demo.credbridge.io/courses/orientation";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CsvTranscriptProperties csv;

    @DynamicPropertySource
    static void registrarControlledCatalog(DynamicPropertyRegistry registry) throws IOException {
        EmbeddedParts.registerApplication(registry, "review");
        registry.add("credbridge.catalog.locations[0]", () -> "classpath:catalog-review/*.yaml");
        registry.add("credbridge.outbox.poll-interval", () -> "100ms");
    }

    @Test
    void anEntryUnderReviewWaitsUntilApprovedAndThenLandsInTheCsvWithWhoApprovedItInItsHistory() throws Exception {
        String learner = newLearner("reviewed");
        postStatement(completed(newId(), learner, COURSE));
        String awardId = awaitAward(learner);

        JsonNode pending = await().atMost(PATIENCE).until(() -> entryOf(awardId, "PENDING_REVIEW"), e -> e != null);
        assertThat(pending.path("action").asText()).isEqualTo("ISSUED");
        assertThat(pending.path("credentialId").asText()).isEqualTo("reviewed-data-analysis");
        assertThat(csvRows(awardId))
                .as("nothing reaches the SIS before the review")
                .isEmpty();

        HttpResponse<String> approved = post(
                "/api/transcript/entries/" + pending.path("id").asText() + "/approve", "{\"actor\":\"jane@demo.edu\"}");

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).path("decidedBy").asText()).isEqualTo(TestCredentials.ADMIN_NAME);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(csvRows(awardId))
                        .singleElement()
                        .satisfies(row -> assertThat(row.get("action")).isEqualTo("ISSUED")));
        await().atMost(PATIENCE).until(() -> entryOf(awardId, "WRITTEN") != null);
        JsonNode written = json.readTree(
                get("/api/transcript/entries/" + pending.path("id").asText()).body());
        assertThat(written.path("history").findValuesAsText("status"))
                .containsExactly("PENDING_REVIEW", "APPROVED", "WRITTEN");
        assertThat(written.path("history").get(1).path("actor").asText())
                .as("the authenticated caller, not the actor the body names")
                .isEqualTo(TestCredentials.ADMIN_NAME);
    }

    @Test
    void aRejectedEntryKeepsTheRegistrarsReasonAndNeverReachesTheCsv() throws Exception {
        String learner = newLearner("rejected");
        postStatement(completed(newId(), learner, COURSE));
        String awardId = awaitAward(learner);
        String id = await().atMost(PATIENCE)
                .until(() -> entryOf(awardId, "PENDING_REVIEW"), e -> e != null)
                .path("id")
                .asText();

        HttpResponse<String> noReason =
                post("/api/transcript/entries/" + id + "/reject", "{\"actor\":\"jane@demo.edu\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noReason.body())
                        .path("errors")
                        .get(0)
                        .path("pointer")
                        .asText())
                .isEqualTo("/reason");

        HttpResponse<String> rejected = post(
                "/api/transcript/entries/" + id + "/reject",
                "{\"actor\":\"jane@demo.edu\",\"reason\":\"orientation-level work, not transcriptable\"}");

        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(entryOf(awardId, "REJECTED").path("note").asText())
                .isEqualTo("orientation-level work, not transcriptable");
        HttpResponse<String> again = post("/api/transcript/entries/" + id + "/approve", "{\"actor\":\"joe@demo.edu\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(post("/api/transcript/entries/no-such-entry/approve", "{\"actor\":\"joe@demo.edu\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(csvRows(awardId)).isEmpty();
    }

    @Test
    void aCredentialNeverTranscriptedAwardsItsBadgeAndWritesNoEntry() throws Exception {
        String learner = newLearner("oriented");
        postStatement(completed(newId(), learner, ORIENTATION));
        String awardId = awaitAward(learner);

        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from outbox_event where aggregate_id = ?", Long.class, awardId)
                        == 0);
        assertThat(csvRows(awardId)).isEmpty();
        assertThat(entries(""))
                .noneSatisfy(entry -> assertThat(entry.path("awardId").asText()).isEqualTo(awardId));
        assertThat(get("/api/transcript/entries?status=SOMETIMES").statusCode()).isEqualTo(400);
    }

    private JsonNode entryOf(String awardId, String status) throws Exception {
        return entries(status).stream()
                .filter(entry -> entry.path("awardId").asText().equals(awardId))
                .findFirst()
                .orElse(null);
    }

    private List<JsonNode> entries(String status) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        json.readTree(get("/api/transcript/entries?limit=1000&status=" + status).body())
                .path("entries")
                .forEach(found::add);
        return found;
    }

    private String awaitAward(String learner) {
        return Awards.awaitOnlyAward(jdbc, learner, PATIENCE);
    }

    private List<CSVRecord> csvRows(String awardId) throws IOException {
        return TranscriptCsv.rows(csv.directory(), awardId);
    }

    private void postStatement(String statement) throws Exception {
        assertThat(XapiStatements.post(http, String.valueOf(port), statement).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

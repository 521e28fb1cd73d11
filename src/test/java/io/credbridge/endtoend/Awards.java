package io.credbridge.endtoend;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.testsupport.TestCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The award ledger as a test waits on it. */
final class Awards {

    private Awards() {}

    /** Waits until the learner holds exactly one award, and answers its id. */
    static String awaitOnlyAward(JdbcTemplate jdbc, String learner, Duration patience) {
        await().atMost(patience)
                .until(() -> jdbc.queryForObject("select count(*) from award where learner_id = ?", Long.class, learner)
                        == 1);
        return jdbc.queryForObject("select award_id from award where learner_id = ?", String.class, learner);
    }

    /** The learner's awards as the learner API lists them. */
    static List<JsonNode> ofLearner(HttpClient http, int port, String learner)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/learners/" + learner + "/awards"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> awards = new ArrayList<>();
        new ObjectMapper().readTree(answer.body()).forEach(awards::add);
        return awards;
    }
}

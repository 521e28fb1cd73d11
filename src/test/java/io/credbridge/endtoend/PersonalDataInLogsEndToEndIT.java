package io.credbridge.endtoend;

import static io.credbridge.endtoend.XapiStatements.COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A learner known by an e-mail address and one known by a student number go through the app, each once awarded and
 * once refused in the award stage (an id too long to key awards by): neither the address, nor the student number,
 * nor the learner's name appears in the log or in the dead letters' reasons, where the pseudonyms stand instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PersonalDataInLogsEndToEndIT {

    static final String NAME = "Zoë Privacy-Sample";
    static final String ADDRESS = "zoe.privacy-sample@example.edu";
    /** Too long for a learner id: the database refuses it and says which value it refused. */
    static final String LONG_ADDRESS = "zoe.privacy-sample@" + "d".repeat(60) + "." + "e".repeat(60) + "."
            + "f".repeat(60) + "." + "g".repeat(60) + ".example.edu";

    /** A learner id that is no e-mail address: an LMS account named by the student number. */
    static final String STUDENT_NUMBER = "s4711042";

    static final String LONG_ACCOUNT = STUDENT_NUMBER + "-" + "7".repeat(300);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedParts.registerApplication(registry, "privacy");
        FastRetries.register(registry);
    }

    @Test
    void neitherTheLearnersIdsNorNameAreLoggedOrKeptInADeadLetterReason(CapturedOutput output) throws Exception {
        for (String statement : List.of(
                statement(XapiStatements.newId(), ADDRESS),
                statement(XapiStatements.newId(), LONG_ADDRESS),
                XapiStatements.completed(XapiStatements.newId(), STUDENT_NUMBER, COURSE),
                XapiStatements.completed(XapiStatements.newId(), LONG_ACCOUNT, COURSE))) {
            assertThat(post(statement).statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("select count(*) from award", Long.class) == 2
                        && jdbc.queryForObject("select count(*) from dead_letter", Long.class) == 2);

        List<String> reasons = jdbc.queryForList("select reason from dead_letter", String.class);
        assertThat(reasons)
                .anySatisfy(reason -> assertThat(reason).contains("<e-mail "))
                .anySatisfy(reason -> assertThat(reason).contains("<learner "))
                .allSatisfy(reason ->
                        assertThat(reason).doesNotContain("zoe.privacy-sample@").doesNotContain(STUDENT_NUMBER));
        assertThat(output.getAll())
                .as("the refusals were logged, with the pseudonyms in place of the ids")
                .contains("<e-mail ")
                .contains("<learner ")
                .doesNotContain("zoe.privacy-sample@")
                .doesNotContain(ADDRESS)
                .doesNotContain(STUDENT_NUMBER)
                .doesNotContain(NAME)
                .doesNotContain("Privacy-Sample");
    }

    private static String statement(String id, String address) {
        return """
                {"id": "%s",
                 "actor": {"objectType": "Agent", "name": "%s", "mbox": "mailto:%s"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"objectType": "Activity", "id": "%s"},
                 "timestamp": "2026-11-20T10:00:00Z"}
                """.formatted(id, NAME, address, COURSE);
    }

    private HttpResponse<String> post(String statement) throws Exception {
        return XapiStatements.post(http, String.valueOf(port), statement);
    }
}

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
import io.credbridge.transcript.files.SftpServerDouble;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The whole application with {@code target: files} over SFTP (a real in-process server): an award's entry reaches
 * the server as PESC-style XML, and the SIS's acknowledgement file rejecting it puts it in the registrar's review
 * queue with the SIS's message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SftpFilesEndToEndIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static Path serverRoot;
    static SftpServerDouble sftp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void filesOverSftp(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedParts.registerApplication(registry, "sftp");
        serverRoot = Files.createTempDirectory("credbridge-sftp-server");
        Files.createDirectories(serverRoot.resolve("inbound"));
        sftp = SftpServerDouble.start(serverRoot);
        registry.add("credbridge.outbox.poll-interval", () -> "100ms");
        registry.add("credbridge.transcript.target", () -> "files");
        registry.add("credbridge.transcript.acknowledgement-poll-interval", () -> "200ms");
        registry.add("credbridge.transcript.files.layout", () -> "xml");
        registry.add("credbridge.transcript.files.delivery", () -> "sftp");
        registry.add("credbridge.transcript.files.sftp.host", () -> "127.0.0.1");
        registry.add("credbridge.transcript.files.sftp.port", () -> sftp.port());
        registry.add("credbridge.transcript.files.sftp.username", () -> SftpServerDouble.USER);
        registry.add("credbridge.transcript.files.sftp.password", () -> SftpServerDouble.PASSWORD);
        registry.add("credbridge.transcript.files.sftp.known-hosts", () -> sftp.knownHostsLine());
        registry.add("credbridge.transcript.files.sftp.remote-directory", () -> "inbound");
        registry.add("credbridge.transcript.files.acknowledgements.directory", () -> "acks");
    }

    @AfterAll
    static void stopServer() throws Exception {
        sftp.close();
    }

    @Test
    void anAwardReachesTheServerAsXmlAndItsRejectionInAnAcknowledgementFileWaitsForTheRegistrar() throws Exception {
        String learner = newLearner("sftp");
        assertThat(XapiStatements.post(http, String.valueOf(port), completed(newId(), learner, COURSE))
                        .statusCode())
                .isEqualTo(200);
        String awardId = Awards.awaitOnlyAward(jdbc, learner, PATIENCE);

        String uploaded = await().atMost(PATIENCE).until(() -> fileNaming(awardId), name -> name != null);
        assertThat(uploaded).startsWith("credbridge-transcript-").endsWith(".xml");
        assertThat(Files.readString(serverRoot.resolve("inbound").resolve(uploaded)))
                .contains("<AwardID>" + awardId + "</AwardID>")
                .contains("<Action>ISSUED</Action>");

        Files.createDirectories(serverRoot.resolve("acks"));
        Files.writeString(
                serverRoot.resolve("acks").resolve("run-1.ack.csv"),
                "award_id,action,status,message\r\n" + awardId
                        + ",ISSUED,REJECTED,No milestone MC-BADGE on the career\r\n",
                StandardCharsets.UTF_8);

        JsonNode failed = await().atMost(PATIENCE).until(() -> entryOf(awardId, "FAILED"), entry -> entry != null);
        assertThat(failed.path("sisMessage").asText()).isEqualTo("No milestone MC-BADGE on the career");
        assertThat(get("/actuator/health").body()).contains("\"target\":\"files\"");
    }

    private String fileNaming(String awardId) throws Exception {
        for (String name : sftp.fileNames("inbound")) {
            if (!name.startsWith(".")
                    && Files.readString(serverRoot.resolve("inbound").resolve(name))
                            .contains(awardId)) {
                return name;
            }
        }
        return null;
    }

    private JsonNode entryOf(String awardId, String status) throws Exception {
        JsonNode entries = json.readTree(
                        get("/api/transcript/entries?status=" + status).body())
                .path("entries");
        for (JsonNode entry : entries) {
            if (entry.path("awardId").asText().equals(awardId)) {
                return entry;
            }
        }
        return null;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

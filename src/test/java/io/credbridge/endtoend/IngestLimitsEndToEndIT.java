package io.credbridge.endtoend;

import static io.credbridge.testsupport.TestCredentials.LRS_CLIENT;
import static io.credbridge.testsupport.TestCredentials.LRS_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.testsupport.TestCredentials;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad input beyond any source's schema, sent to every ingest endpoint of the running app: bodies over the size
 * limit (with a length, chunked, and a 10 MB string), bytes that are not UTF-8, JSON nested thousands deep, wrong
 * media types and a flood from one client. Each gets a clear problem, nothing is accepted, and the app stays up for
 * everyone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IngestLimitsEndToEndIT {

    static final String SENSOR = "https://lms.limits.credbridge.io/caliper/sensor";
    static final String TOKEN = "limits-caliper-sensor-token-2b7e91c4";
    static final int MAX_BODY = 64 * 1024;
    static final int RATE = 50;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void limitedParts(DynamicPropertyRegistry registry) throws IOException {
        EmbeddedParts.registerApplication(registry, "limits");
        registry.add("credbridge.ingest.caliper.sensors[0].id", () -> SENSOR);
        registry.add("credbridge.ingest.caliper.sensors[0].token", () -> TOKEN);
        registry.add("credbridge.ingest.canvas.require-signature", () -> "false");
        registry.add("credbridge.ingest.limits.max-body-size", () -> MAX_BODY + "B");
        registry.add("credbridge.ingest.limits.requests-per-second", () -> String.valueOf(RATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xapi", "caliper", "canvas"})
    void aBodyOverTheLimitIsAnswered413AndNothingIsAccepted(String source) throws Exception {
        double before = received(source);

        HttpResponse<String> answer =
                send(source, request(source).POST(HttpRequest.BodyPublishers.ofString(paddedJson(MAX_BODY + 1))));

        assertProblem(answer, 413, "max-body-size");
        assertThat(received(source)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xapi", "caliper", "canvas"})
    void aChunkedBodyOverTheLimitIsAnswered413Too(String source) throws Exception {
        byte[] body = paddedJson(MAX_BODY * 2).getBytes(StandardCharsets.UTF_8);

        // No length given: the server learns the size only by reading.
        HttpResponse<String> answer = send(
                source,
                request(source).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(answer, 413, "max-body-size");
    }

    /**
     * Sent as careful senders (and curl, for bodies over 1 MB) send large bodies: asking first with {@code Expect:
     * 100-continue}. Java 17's HttpClient waits forever when the answer is not "continue" (JDK-8286171), so this
     * request goes by HttpURLConnection.
     */
    @Test
    void aTenMegabyteStringIsRefusedBeforeItIsSent() throws Exception {
        byte[] huge = ("{\"id\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) uri("xapi").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(huge.length);
        connection.setRequestProperty("Expect", "100-continue");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("X-Experience-API-Version", "1.0.3");
        connection.setRequestProperty("Authorization", TestCredentials.basic(LRS_CLIENT, LRS_PASSWORD));
        boolean bodySent;
        try (OutputStream body = connection.getOutputStream()) {
            body.write(huge);
            bodySent = true;
        } catch (IOException refusedBeforeTheBody) {
            bodySent = false;
        }

        assertThat(bodySent).as("the server answered before the body was sent").isFalse();
        assertThat(connection.getResponseCode()).isEqualTo(413);
        // HttpURLConnection keeps no body of an answer to "Expect"; the problem's text is checked above.
        assertThat(connection.getContentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xapi", "caliper", "canvas"})
    void bytesThatAreNotUtf8AreAnswered400NamingWhere(String source) throws Exception {
        byte[] prefix = "{\"id\": \"caf".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xE9; // Latin-1 'é', not UTF-8
        body[prefix.length + 1] = '"';
        body[prefix.length + 2] = '}';
        double before = received(source);

        HttpResponse<String> answer = send(source, request(source).POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        JsonNode problem = assertProblem(answer, 400, "not valid UTF-8");
        assertThat(problem.path("detail").asText()).contains("byte offset " + prefix.length);
        assertThat(received(source)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xapi", "caliper", "canvas"})
    void jsonNestedThousandsDeepIsAnswered400(String source) throws Exception {
        String deep = "{\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        HttpResponse<String> answer = send(source, request(source).POST(HttpRequest.BodyPublishers.ofString(deep)));

        assertProblem(answer, 400, "nesting depth");
    }

    @Test
    void aStatementWhoseExtensionIsNestedJustUnderTheParsersLimitIsStillAnsweredAsAStatement() throws Exception {
        String statement = XapiStatements.completed(
                        XapiStatements.newId(),
                        XapiStatements.newLearner("limits"),
                        "https://lms.limits.credbridge.io/courses/deep")
                .strip();
        String deepExtension = "\"result\": {\"extensions\": {\"https://lms.limits.credbridge.io/x/deep\": "
                + "[".repeat(990) + "]".repeat(990) + "}}";
        String body = statement.substring(0, statement.length() - 1) + ", " + deepExtension + "}";

        HttpResponse<String> answer = send("xapi", request("xapi").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** Canvas does not document its Content-Type; a 4xx or 5xx here would lose the completion. */
    @Test
    void aCanvasEventLabelledAsAFormIsReadAsTheEventItIs() throws Exception {
        String event = """
                {"metadata": {"event_name": "asset_accessed", "hostname": "canvas.limits.credbridge.io",
                              "event_time": "2026-11-30T09:00:00.000Z"},
                 "body": {"asset_id": "1"}}
                """;

        HttpResponse<String> answer = send(
                "canvas",
                request("canvas", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(event)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** Caliper asks for 415 on any type but JSON; the ADL conformance suite expects xAPI to answer 400. */
    @ParameterizedTest
    @CsvSource({
        "caliper, text/plain, 415",
        "caliper, application/x-www-form-urlencoded, 415",
        "xapi, application/x-www-form-urlencoded, 400"
    })
    void jsonUnderAnotherMediaTypeIsRefusedAsTheSourcesStandardAsks(String source, String type, int status)
            throws Exception {
        HttpResponse<String> answer =
                send(source, request(source, type).POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"x\"}")));

        assertProblem(answer, status, "application/json");
    }

    @Test
    void xapiStatementsAsAFormAreAnswered400AsTheAdlConformanceSuiteExpects() throws Exception {
        HttpResponse<String> answer = send(
                "xapi",
                request("xapi", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("content=%7B%7D")));

        assertProblem(answer, 400, "application/json");
    }

    @Test
    void aFloodFromOneClientIsAnswered429WhileAnotherClientIsServed() throws Exception {
        HttpRequest flood = HttpRequest.newBuilder(uri("xapi"))
                .header("Authorization", TestCredentials.basic("flooding-lrs", "wrong"))
                .header("Content-Type", "application/json")
                .header("X-Experience-API-Version", "1.0.3")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < RATE * 4; i++) {
            answers.add(http.sendAsync(flood, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> floodAnswers =
                answers.stream().map(CompletableFuture::join).toList();

        HttpResponse<String> other = send(
                "xapi",
                request("xapi")
                        .POST(HttpRequest.BodyPublishers.ofString(XapiStatements.completed(
                                XapiStatements.newId(),
                                XapiStatements.newLearner("limits"),
                                "https://lms" + ".limits.credbridge.io/courses/unknown"))));

        List<HttpResponse<String>> refused = floodAnswers.stream()
                .filter(answer -> answer.statusCode() == 429)
                .toList();
        assertThat(refused).isNotEmpty();
        assertThat(floodAnswers.size() - refused.size())
                .as("the flooding client's requests let through within its first second or two")
                .isLessThanOrEqualTo(RATE * 3);
        assertThat(refused.get(0).headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json.readTree(refused.get(0).body()).path("status").asInt()).isEqualTo(429);
        assertThat(floodAnswers)
                .as("what was let through reached the source, which refused the wrong password")
                .allSatisfy(answer -> assertThat(answer.statusCode()).isIn(401, 429));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }

    private JsonNode assertProblem(HttpResponse<String> answer, int status, String detailPart) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).containsIgnoringCase(detailPart);
        return problem;
    }

    private HttpResponse<String> send(String source, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String source) {
        return request(source, "application/json");
    }

    private HttpRequest.Builder request(String source, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(source)).header("Content-Type", contentType);
        return switch (source) {
            case "xapi" -> request.headers(TestCredentials.ADMIN_AND_LRS).header("X-Experience-API-Version", "1.0.3");
            case "caliper" -> request.header("Authorization", "Bearer " + TOKEN);
            default -> request;
        };
    }

    private URI uri(String source) {
        String path = switch (source) {
            case "xapi" -> "/lms/xapi/statements";
            case "caliper" -> "/lms/caliper";
            case "canvas" -> "/lms/canvas/live-events";
            default -> throw new IllegalArgumentException(source);
        };
        return URI.create("http://localhost:" + port + path);
    }

    private double received(String source) {
        Counter counter =
                meters.find("credbridge.events.received").tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A JSON object of exactly {@code length} characters. */
    private static String paddedJson(int length) {
        String start = "{\"padding\": \"";
        String end = "\"}";
        return start + "x".repeat(length - start.length() - end.length()) + end;
    }
}

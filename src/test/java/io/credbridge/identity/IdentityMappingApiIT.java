package io.credbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.CredBridgeApplication;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

/** The identity admin API on the whole application, with a stand-in for the award stage's parked-event handler. */
@Timeout(120)
class IdentityMappingApiIT {

    static final String HOME = "https://lms.example.edu";
    static final String HEADER = "kind,scheme,lms_namespace,lms_id,sis_id,sis_section,sis_term\n";
    static final ObjectMapper JSON = new ObjectMapper();

    static ConfigurableApplicationContext app;
    static RecordingHandler handler;
    static ParkedEvents parked;
    static String base;

    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("credbridge-identity-it");
        app = new SpringApplicationBuilder(CredBridgeApplication.class, AwardStageStandIn.class)
                .run(TestCredentials.with(
                        "--server.port=0",
                        "--credbridge.embedded-kafka.enabled=false",
                        "--camel.component.kafka.brokers=" + TestKafkaBroker.bootstrapServers(),
                        "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--credbridge.transcript.csv.directory=" + data.resolve("sis-import")));
        handler = app.getBean(RecordingHandler.class);
        parked = app.getBean(ParkedEvents.class);
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/identity";
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void handlerWorksAndHasReceivedNothing() {
        handler.failing = false;
        handler.received.clear();
    }

    @Test
    void anUploadStoresEveryMappingAndHandsTheParkedEventsItMakesMappableToTheHandler() throws Exception {
        ParkedEvent alice = park("e-alice-" + run, account("alice-" + run), mbox("alice-" + run));
        ParkedEvent bob = park("e-bob-" + run, account("bob-" + run));
        String course = "https://lms.example.edu/courses/" + run;

        HttpResponse<String> response = post(
                "/mappings",
                "text/csv",
                HEADER + "learner,mbox,,mailto:alice-" + run + "@example.edu,S-ALICE,,\n" + "course,,," + course
                        + ",MATH-101,001,2026FA\n");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(JSON.readTree("{\"learners\":1,\"courses\":1,\"parkedEventsReleased\":1}"));
        assertThat(handler.received).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(alice.eventId());
            assertThat(event.payload()).isEqualTo(alice.payload());
            assertThat(event.identifiers()).isEqualTo(alice.identifiers());
        });
        assertThat(ids(get("/parked?limit=1000"))).contains(bob.eventId()).doesNotContain(alice.eventId());
        JsonNode mapping = JSON.readTree(get("/learners?scheme=mbox&value=alice-" + run + "@example.edu")
                        .body())
                .get(0);
        assertThat(mapping.path("sisPersonId").asText()).isEqualTo("S-ALICE");
        assertThat(mapping.path("updatedBy").asText())
                .as("the authenticated caller; an actor parameter is not read")
                .isEqualTo(TestCredentials.ADMIN_NAME);
        assertThat(JSON.readTree(get("/courses?lmsCourseId=" + course).body())
                        .get(0)
                        .path("sisSection")
                        .asText())
                .isEqualTo("001");
        assertThat(prometheus())
                .contains("credbridge_identity_parked_events " + (double) parked.count())
                .containsPattern("credbridge_identity_events_released_total [1-9]");
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeListingEveryBadLineAndStoresNothing() throws Exception {
        HttpResponse<String> response = post(
                "/mappings",
                "text/csv; charset=utf-8",
                HEADER + "learner,mbox,,good-" + run + "@example.edu,S1,,\n"
                        + "learner,email,,x@example.edu,S2,,\n"
                        + "\n"
                        + "course,,,not-an-iri,,,\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:credbridge:problem:invalid-mapping-file");
        assertThat(problem.path("detail").asText())
                .isEqualTo("3 problem(s) on 2 line(s); nothing from the file was stored");
        assertThat(problem.path("errors").findValuesAsText("detail"))
                .containsExactly(
                        "line 3, scheme: must be one of account, mbox, mbox_sha1sum, openid (was 'email')",
                        "line 5, lms_id: must be an absolute IRI, the course id events carry, e.g."
                                + " https://lms.example.edu/courses/101 (was 'not-an-iri')",
                        "line 5, sis_id: is required: the SIS course code");
        assertThat(problem.path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("errors").get(0).path("column").asText()).isEqualTo("scheme");
        assertThat(JSON.readTree(get("/learners?scheme=mbox&value=good-" + run + "@example.edu")
                        .body()))
                .as("the good line was not stored either")
                .isEmpty();
    }

    @Test
    void anUploadThatIsNotCsvGets415AndAnEmptyOneGets400() throws Exception {
        HttpResponse<String> json = post("/mappings", "application/json", "{\"kind\":\"learner\"}");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(json.body()).path("type").asText())
                .isEqualTo("urn:credbridge:problem:unsupported-media-type");
        assertThat(JSON.readTree(json.body()).path("detail").asText()).contains("text/csv");

        HttpResponse<String> empty = post("/mappings", "text/csv", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body())
                        .path("errors")
                        .get(0)
                        .path("detail")
                        .asText())
                .startsWith("line 1: the file is empty");
    }

    @Test
    void aFailingHandlerLeavesTheEventsParkedAndTheReleaseEndpointHandsThemOverOnceItWorks() throws Exception {
        ParkedEvent dave = park("e-dave-" + run, account("dave-" + run));
        handler.failing = true;

        HttpResponse<String> stored = put(
                "/learners",
                "{\"scheme\":\"account\",\"namespace\":\"" + HOME + "\",\"value\":\"dave-" + run
                        + "\",\"sisPersonId\":\"S-DAVE\",\"actor\":\"registrar\"}");

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body()).path("parkedEventsReleased").asInt())
                .isZero();
        assertThat(ids(get("/parked?limit=1000"))).contains(dave.eventId());

        handler.failing = false;
        HttpResponse<String> released = post("/parked/release", "application/json", "");

        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(released.body()).path("released").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(handler.received).extracting(ParkedEvent::eventId).contains(dave.eventId());
        assertThat(ids(get("/parked?limit=1000"))).doesNotContain(dave.eventId());
    }

    @Test
    void theScheduledSweepReleasesAnEventWhoseMappingArrivedWithoutReleasingIt() {
        ParkedEvent carol = park("e-carol-" + run, account("carol-" + run));
        // Stored as if it had committed while the event was being parked: nothing released it.
        app.getBean(TransactionTemplate.class)
                .executeWithoutResult(status -> app.getBean(IdentityMappings.class)
                        .upsertLearners(List.of(
                                new LearnerMapping(account("carol-" + run), "S-carol", Instant.now(), "test"))));
        assertThat(handler.received).isEmpty();

        int released = app.getBean(ParkedEventRelease.class).sweep();

        assertThat(released).isPositive();
        assertThat(handler.received).extracting(ParkedEvent::eventId).contains(carol.eventId());
        assertThat(parked.list(1000)).extracting(ParkedEvent::eventId).doesNotContain(carol.eventId());
        handler.received.clear();
        app.getBean(ParkedEventRelease.class).sweep();
        assertThat(handler.received)
                .as("released once")
                .extracting(ParkedEvent::eventId)
                .doesNotContain(carol.eventId());
    }

    @Test
    void invalidSingleMappingsAndParametersAreProblemsNamingEachFieldNeverA500() throws Exception {
        HttpResponse<String> learner = put("/learners", "{\"scheme\":\"email\",\"value\":\"x\",\"sisPersonId\":\" \"}");
        assertThat(learner.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(learner.body()).path("errors").findValuesAsText("pointer"))
                .containsExactly("/scheme", "/sisPersonId");

        HttpResponse<String> mistyped = put("/courses", "{\"lmsCourseId\":{\"nested\":true}}");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(mistyped.body()).path("errors").findValuesAsText("pointer"))
                .containsExactly("/lmsCourseId");

        assertThat(pointers(get("/parked?limit=0"))).containsExactly("/limit");
        assertThat(pointers(get("/parked?limit=many"))).containsExactly("/limit");
        assertThat(pointers(delete("/learners?value=x"))).containsExactly("/scheme");
        HttpResponse<String> missing = delete("/learners?scheme=mbox&value=nobody-" + run + "@example.edu");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("type").asText())
                .isEqualTo("urn:credbridge:problem:mapping-not-found");
        assertThat(put("/learners", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aCourseMappingIsStoredReplacedAndDeletedThroughTheApi() throws Exception {
        String course = "https://lms.example.edu/courses/api-" + run;
        assertThat(put(
                                "/courses",
                                "{\"lmsCourseId\":\"" + course
                                        + "\",\"sisCourseCode\":\"CS-100\",\"sisTerm\":\"2026FA\",\"actor\":\"registrar\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(put("/courses", "{\"lmsCourseId\":\"" + course + "\",\"sisCourseCode\":\"CS-101\",\"actor\":\"r2\"}")
                        .statusCode())
                .isEqualTo(200);

        JsonNode found =
                JSON.readTree(get("/courses?lmsCourseId=" + course).body()).get(0);
        assertThat(found.path("sisCourseCode").asText()).isEqualTo("CS-101");
        assertThat(found.path("sisTerm").isNull()).isTrue();
        assertThat(found.path("updatedBy").asText())
                .as("the authenticated caller, not the actor the body names")
                .isEqualTo(TestCredentials.ADMIN_NAME);

        assertThat(delete("/courses?lmsCourseId=" + course).statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(get("/courses?lmsCourseId=" + course).body())).isEmpty();
    }

    private ParkedEvent park(String eventId, LearnerMappingKey... identifiers) {
        ParkedEvent event =
                ParkedEventFixtures.parkedEvent(eventId, "no SIS person id yet", Instant.now(), identifiers);
        app.getBean(TransactionTemplate.class).executeWithoutResult(status -> parked.park(List.of(event)));
        return event;
    }

    private static LearnerMappingKey account(String name) {
        return new LearnerMappingKey("account", HOME, name);
    }

    private static LearnerMappingKey mbox(String name) {
        return new LearnerMappingKey("mbox", "", name + "@example.edu");
    }

    private static List<String> ids(HttpResponse<String> parkedList) throws Exception {
        assertThat(parkedList.statusCode()).isEqualTo(200);
        return JSON.readTree(parkedList.body()).findValuesAsText("eventId");
    }

    private static List<String> pointers(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        return JSON.readTree(response.body()).path("errors").findValuesAsText("pointer");
    }

    private String prometheus() throws Exception {
        String url = base.replace("/api/identity", "/actuator/prometheus");
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .headers(TestCredentials.ADMIN_AND_LRS)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, "");
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return send("DELETE", path, null, "");
    }

    private HttpResponse<String> put(String path, String json) throws Exception {
        return send("PUT", path, "application/json", json);
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send("POST", path, contentType, body);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .headers(TestCredentials.ADMIN_AND_LRS)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stands in for the award stage: records what it is handed and removes it from the parked events. */
    static class AwardStageStandIn {

        // In place of the award stage's handler: this test is about the identity side of a release.
        @Bean
        @org.springframework.context.annotation.Primary
        RecordingHandler recordingHandler(ParkedEvents parked, TransactionTemplate transactions) {
            return new RecordingHandler(parked, transactions);
        }
    }

    static final class RecordingHandler implements ParkedEventHandler {

        final List<ParkedEvent> received = new CopyOnWriteArrayList<>();
        private final ParkedEvents parked;
        private final TransactionTemplate transactions;
        volatile boolean failing;

        RecordingHandler(ParkedEvents parked, TransactionTemplate transactions) {
            this.parked = parked;
            this.transactions = transactions;
        }

        @Override
        public void reevaluate(List<ParkedEvent> released) {
            if (failing) {
                throw new IllegalStateException("the award stage is down (test)");
            }
            transactions.executeWithoutResult(status -> {
                received.addAll(released);
                parked.remove(released.stream().map(ParkedEvent::eventId).toList());
            });
        }
    }
}

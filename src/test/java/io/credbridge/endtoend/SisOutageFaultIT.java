package io.credbridge.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.credbridge.testsupport.ChildJvm;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TestKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SIS (a REST API played by WireMock) is down for minutes while learners complete courses: it answers 500, then
 * takes longer than the request timeout, then answers 429 with Retry-After, then is healthy. Badges keep flowing
 * meanwhile, and afterwards every transcript entry has been written exactly once (one accepted call per award id and
 * action).
 *
 * <p>Each unhealthy phase lasts 10 s in CI; {@code -Dfault.sis-phase=120s} makes the outage six minutes.
 */
@RequiresPostgres
@Timeout(value = 120, unit = TimeUnit.MINUTES)
class SisOutageFaultIT {

    static final int LEARNERS = Integer.getInteger("fault.learners", 300);
    static final Duration PHASE = Duration.parse("PT" + System.getProperty("fault.sis-phase", "10s"));
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    static final String AWARDS = "/api/awards";

    @Test
    void whileTheSisIsDownBadgesFlowAndAfterwardsEveryTranscriptEntryArrivesExactlyOnce() throws Exception {
        FaultRun run = new FaultRun("sis-outage", LEARNERS);
        int appPort = TestKafkaBroker.freePort();
        WireMockServer sis = new WireMockServer(wireMockConfig().dynamicPort());
        sis.start();
        answer(sis, aResponse().withStatus(500));
        Path body = Files.writeString(run.dir.resolve("award.json"), "{\"award\":\"{{awardId}}\"}");
        try (ChildJvm kafka = run.kafka();
                ChildJvm app = run.app("fault-1", appPort, run.db.url(), restTarget(sis, body))) {
            run.startKafka(kafka);
            run.startApp(app, appPort);
            long outageStarted = System.nanoTime();

            FaultRun.Forwarder forwarder = run.new Forwarder(appPort);
            Thread sending = forwarder.start();
            sending.join(run.patience.toMillis());
            assertThat(sending.isAlive())
                    .as("the forwarder got every batch in; see " + app.log())
                    .isFalse();
            // Badges do not wait for the SIS.
            run.await(() -> new KafkaTopics(run.brokers)
                            .readAll(FaultRun.BADGES).stream()
                                    .map(FaultRun::ceId)
                                    .distinct()
                                    .count()
                    == LEARNERS);
            Duration badgesWhileDown = Duration.ofNanos(System.nanoTime() - outageStarted);
            assertThat(written(sis))
                    .as("nothing written while the SIS answers 500")
                    .isEmpty();
            sleepUntil(outageStarted, PHASE);

            answer(sis, aResponse().withStatus(504).withFixedDelay((int) REQUEST_TIMEOUT.toMillis() * 3));
            sleepUntil(outageStarted, PHASE.multipliedBy(2));
            answer(sis, aResponse().withStatus(429).withHeader("Retry-After", "2"));
            sleepUntil(outageStarted, PHASE.multipliedBy(3));
            assertThat(written(sis))
                    .as("nothing written while the SIS is unhealthy")
                    .isEmpty();

            answer(
                    sis,
                    aResponse()
                            .withStatus(201)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"id\":\"REC\"}"));
            long healthy = System.nanoTime();
            run.awaitSettled();
            Duration recovery = Duration.ofNanos(System.nanoTime() - healthy);

            List<String> writtenKeys = written(sis);
            Map<Integer, Long> callsByAnswer = sis.getAllServeEvents().stream()
                    .collect(Collectors.groupingBy(
                            event -> event.getResponse().getStatus(), TreeMap::new, Collectors.counting()));
            run.checkInvariants(
                    forwarder,
                    writtenKeys.stream().map(key -> key.split("/")[0]).toList(),
                    counts -> counts.print(
                            "SIS outage fault run",
                            "SIS unhealthy for " + FaultRun.seconds(PHASE.multipliedBy(3)) + " (500, timeouts, 429"
                                    + " with Retry-After, " + FaultRun.seconds(PHASE) + " each); SIS calls by answer "
                                    + callsByAnswer + "; every badge out after " + FaultRun.seconds(badgesWhileDown)
                                    + " while the SIS was down",
                            List.of(recovery),
                            "recovery is from the SIS's return until every entry is written"));
            assertThat(writtenKeys)
                    .as("each entry written as an issue, by award id and action")
                    .allMatch(key -> key.endsWith("/ISSUED"));
            assertThat(callsByAnswer)
                    .as("the SIS was called in each unhealthy phase")
                    .containsKeys(500, 504, 429, 201);
        } finally {
            sis.stop();
        }
    }

    private static List<String> restTarget(WireMockServer sis, Path body) {
        String url = sis.baseUrl() + AWARDS;
        return List.of(
                "--credbridge.transcript.target=rest",
                "--credbridge.transcript.rest.issued.method=POST",
                "--credbridge.transcript.rest.issued.url=" + url,
                "--credbridge.transcript.rest.issued.body=" + body.toAbsolutePath(),
                "--credbridge.transcript.rest.revoked.method=POST",
                "--credbridge.transcript.rest.revoked.url=" + url,
                "--credbridge.transcript.rest.revoked.body=" + body.toAbsolutePath(),
                "--credbridge.transcript.rest.expired.method=POST",
                "--credbridge.transcript.rest.expired.url=" + url,
                "--credbridge.transcript.rest.expired.body=" + body.toAbsolutePath(),
                "--credbridge.transcript.rest.api-key.value=fault-test-key",
                "--credbridge.transcript.rest.request-timeout=" + REQUEST_TIMEOUT.toMillis() + "ms",
                "--credbridge.transcript.rest.record-id-pointer=/id",
                // The breaker's wait is the SIS's recovery time at most; short here so the test measures the rest.
                "--credbridge.transcript.breaker.wait-in-open-state=5s");
    }

    /** The idempotency keys of the calls the SIS accepted: each a transcript entry written. */
    private static List<String> written(WireMockServer sis) {
        return sis.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 201)
                .map(ServeEvent::getRequest)
                .map(request -> request.getHeader("Idempotency-Key"))
                .toList();
    }

    private static void answer(WireMockServer sis, ResponseDefinitionBuilder response) {
        sis.resetMappings();
        sis.stubFor(post(urlPathEqualTo(AWARDS)).willReturn(response));
    }

    private static void sleepUntil(long startedNanos, Duration after) throws InterruptedException {
        long left = startedNanos + after.toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
    }
}

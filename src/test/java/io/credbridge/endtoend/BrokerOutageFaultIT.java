package io.credbridge.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.ChildJvm;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TestKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kafka broker's process is killed while an LRS forwarder sends statements, stays away for 30 s and comes back on
 * the same port and log directory. Meanwhile ingest answers 503 with Retry-After, within the producer's delivery
 * timeout, never a 4xx and never 200 for what was not stored; the forwarder resends, and afterwards every expected
 * award is there once with its badge event and transcript row.
 *
 * <p>{@code -Dfault.broker-outage=300s -Dfault.learners=20000} makes it the soak.
 */
@RequiresPostgres
@Timeout(value = 120, unit = TimeUnit.MINUTES)
class BrokerOutageFaultIT {

    static final int LEARNERS = Integer.getInteger("fault.learners", 600);
    static final Duration OUTAGE = Duration.parse("PT" + System.getProperty("fault.broker-outage", "30s"));
    /**
     * The servlet's async request timeout (30 s) and a margin: a request still waiting for the broker then is answered
     * 503 with Retry-After (ingest.IngestTimeoutAnswer), not held for minutes.
     */
    static final Duration SLOWEST_ANSWER = Duration.ofSeconds(35);

    @Test
    void whileTheBrokerIsAwayIngestAnswers503WithRetryAfterAndNothingAcceptedIsLost() throws Exception {
        FaultRun run = new FaultRun("broker-outage", LEARNERS);
        int appPort = TestKafkaBroker.freePort();
        try (ChildJvm kafka = run.kafka();
                ChildJvm app = run.app("fault-1", appPort)) {
            run.startKafka(kafka);
            run.startApp(app, appPort);

            FaultRun.Forwarder forwarder = run.new Forwarder(appPort);
            Duration recovery = run.sendThroughOutage(
                    forwarder,
                    new FaultRun.Outage() {
                        @Override
                        public void begin() throws Exception {
                            kafka.kill();
                        }

                        @Override
                        public void end() throws Exception {
                            run.startKafka(kafka);
                        }
                    },
                    OUTAGE,
                    app);

            run.awaitSettled();
            run.checkInvariants(
                    forwarder,
                    run.csvTranscriptAwardIds(),
                    counts -> counts.print(
                            "broker outage fault run",
                            "1 broker outage of " + FaultRun.seconds(OUTAGE) + " (answers while away "
                                    + forwarder.answered("away") + ", after " + forwarder.answered("back")
                                    + ", slowest answer " + forwarder.slowestAnswerMillis.get() + " ms)",
                            List.of(recovery),
                            "recovery is from the broker's restart (once ready) to the next award"));
            assertThat(forwarder.answered("away").keySet())
                    .as("while the broker is away, refusals are 503 with Retry-After (or 200 for a batch the"
                            + " broker took once back), never a 4xx")
                    .contains("503")
                    .isSubsetOf("503", "200");
            assertThat(Duration.ofMillis(forwarder.slowestAnswerMillis.get()))
                    .as("no request outlives the servlet's async timeout")
                    .isLessThanOrEqualTo(SLOWEST_ANSWER);
        }
    }
}

package io.credbridge.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.ChildJvm;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TcpProxy;
import io.credbridge.testsupport.TestKafkaBroker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL goes away under the application, as in a database restart: a TCP proxy between the app and the shared
 * server (which other tests use, so it is not restarted) cuts every connection and refuses new ones for 20 s while an
 * LRS forwarder sends statements. The award stage waits and resumes; afterwards every expected award is there once
 * with its badge event and transcript row, and nothing was dead-lettered for the outage.
 *
 * <p>{@code -Dfault.database-outage=120s -Dfault.learners=20000} makes it the soak.
 */
@RequiresPostgres
@Timeout(value = 120, unit = TimeUnit.MINUTES)
class PostgresOutageFaultIT {

    static final int LEARNERS = Integer.getInteger("fault.learners", 600);
    static final Duration OUTAGE = Duration.parse("PT" + System.getProperty("fault.database-outage", "20s"));

    @Test
    void whenTheDatabaseCutsEveryConnectionTheAwardStageWaitsAndResumesLosingAndDuplicatingNothing() throws Exception {
        FaultRun run = new FaultRun("database-outage", LEARNERS);
        int appPort = TestKafkaBroker.freePort();
        URI server = URI.create(run.db.url().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort());
                ChildJvm kafka = run.kafka();
                ChildJvm app = run.app(
                        "fault-1",
                        appPort,
                        run.db.url().replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port()),
                        List.of())) {
            run.startKafka(kafka);
            run.startApp(app, appPort);
            assertThat(proxy.connections())
                    .as("the app reaches the database through the proxy")
                    .isPositive();

            FaultRun.Forwarder forwarder = run.new Forwarder(appPort);
            Duration recovery = run.sendThroughOutage(
                    forwarder,
                    new FaultRun.Outage() {
                        @Override
                        public void begin() throws Exception {
                            proxy.cut();
                        }

                        @Override
                        public void end() throws Exception {
                            proxy.resume();
                        }
                    },
                    OUTAGE,
                    app);

            run.awaitSettled();
            run.checkInvariants(
                    forwarder,
                    run.csvTranscriptAwardIds(),
                    counts -> counts.print(
                            "database outage fault run",
                            "1 database outage of " + FaultRun.seconds(OUTAGE) + " (answers while away "
                                    + forwarder.answered("away") + ", after "
                                    + forwarder.answered("back") + ", slowest answer "
                                    + forwarder.slowestAnswerMillis.get() + " ms)",
                            List.of(recovery),
                            "recovery is from the database's return to the next award"));
            assertThat(forwarder.answered("away").keySet())
                    .as("while the database is away ingest never refuses a statement as the client's fault")
                    .noneMatch(status -> status.startsWith("4"));
        }
    }
}

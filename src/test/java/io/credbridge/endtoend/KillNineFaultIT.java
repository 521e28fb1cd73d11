package io.credbridge.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.ChildJvm;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TestKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged application as a child process, against a Kafka broker in a process of its own and PostgreSQL, killed
 * with SIGKILL at random moments while an LRS forwarder sends statements (resending a batch until it gets 200) and
 * once more while the outbox drains. Afterwards, from the database, the topics and the SIS files: every expected
 * award exactly once, each with its badge event and transcript row, nothing left in the outbox or unconsumed.
 *
 * <p>{@code -Dfault.learners=20000 -Dfault.kills=20} makes it the soak.
 */
@RequiresPostgres
// Bounded by the run's patience per wait; the limit is for the soak, whose waits are longer.
@Timeout(value = 120, unit = TimeUnit.MINUTES)
class KillNineFaultIT {

    static final int LEARNERS = Integer.getInteger("fault.learners", 600);
    static final int KILLS = Integer.getInteger("fault.kills", 5);

    private final Random random = new Random(Long.getLong("fault.seed", 20261130L));

    @Test
    void killedAtRandomWhileStatementsArriveAndBadgesDrainItLosesAndDuplicatesNothing() throws Exception {
        FaultRun run = new FaultRun("kill-9", LEARNERS);
        int appPort = TestKafkaBroker.freePort();
        try (ChildJvm kafka = run.kafka();
                ChildJvm app = run.app("fault-1", appPort)) {
            run.startKafka(kafka);
            run.startApp(app, appPort);

            FaultRun.Forwarder forwarder = run.new Forwarder(appPort);
            Thread sending = forwarder.start();
            List<Duration> recoveries = new ArrayList<>();
            // The kills during ingest fall at random batches; the last one while the outbox drains.
            List<Integer> killAt = random.ints(KILLS - 1L, 1, run.batches.size())
                    .sorted()
                    .boxed()
                    .toList();
            for (int mark : killAt) {
                while (forwarder.accepted.get() < mark && sending.isAlive()) {
                    Thread.sleep(20);
                }
                recoveries.add(run.killAndRestart(app, appPort));
            }
            sending.join(run.patience.toMillis());
            assertThat(sending.isAlive())
                    .as("the forwarder got every batch in; see " + app.log())
                    .isFalse();

            run.await(() -> run.count("select count(*) from outbox_event") > 0
                    || run.count("select count(*) from award") == LEARNERS);
            recoveries.add(run.killAndRestart(app, appPort));

            run.awaitSettled();
            run.checkInvariants(
                    forwarder,
                    run.csvTranscriptAwardIds(),
                    counts -> counts.print("kill -9 fault run", recoveries.size() + " kills", recoveries, ""));
        }
    }
}

package io.credbridge.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.ChildJvm;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TestKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances of the packaged application in one consumer group. The first third of the workload goes to one
 * instance alone, the second third to both (they share the partitions, so both award), and during the last third
 * one of them is killed for good: the other takes its partitions after the session timeout, and every expected award
 * is there once with its badge event and transcript row. Prints the end-to-end throughput of one instance and of
 * two, from the same run, with the same two concurrent forwarders.
 */
@RequiresPostgres
@Timeout(value = 120, unit = TimeUnit.MINUTES)
class TwoInstancesFaultIT {

    static final int LEARNERS = Integer.getInteger("fault.learners", 600);
    static final String AWARDED = "credbridge_awards_total";

    /**
     * The killed member is static and never comes back, so its partitions wait out its session: 10 s here instead of
     * Kafka's default 45 s, which is all the scenario would otherwise spend waiting. The takeover is the same.
     */
    static final List<String> SHORT_SESSION = List.of("--camel.component.kafka.session-timeout-ms=10000");

    @Test
    void twoInstancesShareTheWorkAndWhenOneIsKilledTheOtherTakesItsPartitionsLosingNothing() throws Exception {
        FaultRun run = new FaultRun("two-instances", LEARNERS);
        int portA = TestKafkaBroker.freePort();
        int portB = TestKafkaBroker.freePort();
        int third = run.batches.size() / 3;
        try (ChildJvm kafka = run.kafka();
                ChildJvm a = run.app("fault-1", portA, run.db.url(), SHORT_SESSION);
                ChildJvm b = run.app("fault-2", portB, run.db.url(), SHORT_SESSION)) {
            run.startKafka(kafka);
            run.startApp(a, portA);

            Duration oneInstance = sendAndAward(run, List.of(portA), run.batches.subList(0, third));
            run.startApp(b, portB);
            double awardedByABefore = run.meter(portA, AWARDED);
            Duration twoInstances = sendAndAward(run, List.of(portA, portB), run.batches.subList(third, 2 * third));
            double awardedByA = run.meter(portA, AWARDED) - awardedByABefore;
            double awardedByB = run.meter(portB, AWARDED);

            List<String> last = run.batches.subList(2 * third, run.batches.size());
            FaultRun.Forwarder forwarder = run.new Forwarder(List.of(portA, portB), last);
            Thread sending = forwarder.start();
            while (forwarder.accepted.get() < last.size() / 2 && sending.isAlive()) {
                Thread.sleep(20);
            }
            long killed = System.nanoTime();
            b.kill();
            sending.join(run.patience.toMillis());
            assertThat(sending.isAlive())
                    .as("the forwarder got every batch in; see " + a.log())
                    .isFalse();
            run.awaitSettled();
            Duration recovery = Duration.ofNanos(System.nanoTime() - killed);

            int perThird = third * FaultRun.BATCH;
            run.checkInvariants(
                    forwarder,
                    run.csvTranscriptAwardIds(),
                    counts -> counts.print(
                            "two instances fault run",
                            String.format(
                                    "1 of 2 instances killed for good; while both ran instance A awarded %.0f and B %.0f;"
                                            + " throughput (send to award, 2 concurrent forwarders, %d statements each):"
                                            + " one instance %.0f/s, two instances %.0f/s",
                                    awardedByA,
                                    awardedByB,
                                    perThird,
                                    perThird / (oneInstance.toMillis() / 1000.0),
                                    perThird / (twoInstances.toMillis() / 1000.0)),
                            List.of(recovery),
                            "recovery is from the kill until every award is out and the group has committed all"));
            assertThat(awardedByA).as("instance A awarded while both ran").isPositive();
            assertThat(awardedByB).as("instance B awarded while both ran").isPositive();
        }
    }

    /** Two concurrent forwarders send the batches to the instances; the time until every learner in them is awarded. */
    private static Duration sendAndAward(FaultRun run, List<Integer> ports, List<String> batches) throws Exception {
        long awardedBefore = run.count("select count(*) from award");
        long started = System.nanoTime();
        List<Thread> sending = new ArrayList<>();
        for (int half = 0; half < 2; half++) {
            List<String> mine = new ArrayList<>();
            for (int i = half; i < batches.size(); i += 2) {
                mine.add(batches.get(i));
            }
            sending.add(run.new Forwarder(ports, mine).start());
        }
        for (Thread forwarder : sending) {
            forwarder.join(run.patience.toMillis());
        }
        long expected = awardedBefore + (long) batches.size() * FaultRun.BATCH;
        run.await(() -> run.count("select count(*) from award") >= expected);
        return Duration.ofNanos(System.nanoTime() - started);
    }
}

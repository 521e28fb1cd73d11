package io.credbridge.endtoend;

import static io.credbridge.endtoend.XapiStatements.COURSE;
import static io.credbridge.endtoend.XapiStatements.completed;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.ChildJvm;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.StandaloneKafka;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The packaged application as a child process, against a Kafka broker in a process of its own and PostgreSQL, killed
 * with SIGKILL at random moments while an LRS forwarder sends statements (resending a batch until it gets 200) and
 * once more while the outbox drains. Afterwards, from the database, the topics and the SIS files: every expected
 * award exactly once, each with its badge event and transcript row, nothing left in the outbox or unconsumed.
 *
 * <p>{@code -Dfault.learners=20000 -Dfault.kills=20} makes it the soak.
 */
@RequiresPostgres
// Bounded by PATIENCE per wait; the limit is for the soak, whose waits are longer.
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class KillNineFaultIT {

    static final int LEARNERS = Integer.getInteger("fault.learners", 600);
    static final int KILLS = Integer.getInteger("fault.kills", 5);
    static final int BATCH = 20;
    /** How long any one wait may take: a start, the forwarder's last batch, the drain (about 20 ms per badge). */
    static final Duration PATIENCE = Duration.ofMinutes(3).plusMillis(LEARNERS * 20L);

    static final String BADGES = "credbridge.badge-issuance.v1";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random(Long.getLong("fault.seed", 20261130L));

    @Test
    void killedAtRandomWhileStatementsArriveAndBadgesDrainItLosesAndDuplicatesNothing() throws Exception {
        // Under target/, not a temporary directory: the processes' logs are what explains a failure.
        Path dir = Files.createDirectories(Path.of("target", "fault-runs", String.valueOf(System.currentTimeMillis())));
        int kafkaPort = TestKafkaBroker.freePort();
        int appPort = TestKafkaBroker.freePort();
        String brokers = "localhost:" + kafkaPort;
        PostgresTestDatabase.Connection.Settings db = PostgresTestDatabase.newSchema();
        Path sis = dir.resolve("sis-import");
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            learners.add("fault-" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
        }
        List<String> batches = batches(learners);

        try (ChildJvm kafka = ChildJvm.ofMainClass(
                                StandaloneKafka.class,
                                dir.resolve("kafka.log"),
                                List.of(
                                        String.valueOf(kafkaPort),
                                        String.valueOf(TestKafkaBroker.freePort()),
                                        dir.resolve("kafka").toString()))
                        .start();
                ChildJvm app = ChildJvm.ofJar(
                        packagedJar(),
                        dir.resolve("app.log"),
                        List.of("-Xmx512m"),
                        appArguments(appPort, brokers, db, sis))) {
            kafka.awaitReady(() -> kafka.logContains(StandaloneKafka.READY), PATIENCE);
            app.start().awaitReady(() -> ready(appPort), PATIENCE);

            Forwarder forwarder = new Forwarder(appPort, batches);
            Thread sending = new Thread(forwarder, "lrs-forwarder");
            sending.start();
            List<Duration> recoveries = new ArrayList<>();
            // The kills during ingest fall at random batches; the last one while the outbox drains.
            List<Integer> killAt =
                    random.ints(KILLS - 1L, 1, batches.size()).sorted().boxed().toList();
            for (int mark : killAt) {
                while (forwarder.accepted.get() < mark && sending.isAlive()) {
                    Thread.sleep(20);
                }
                recoveries.add(killAndRestart(app, appPort));
            }
            sending.join(PATIENCE.toMillis());
            assertThat(sending.isAlive())
                    .as("the forwarder got every batch in; see " + app.log())
                    .isFalse();

            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
            await(() -> count(jdbc, "select count(*) from outbox_event") > 0 || awards(jdbc) == LEARNERS);
            recoveries.add(killAndRestart(app, appPort));

            await(() -> awards(jdbc) >= LEARNERS && count(jdbc, "select count(*) from outbox_event") == 0);

            List<ConsumerRecord<String, byte[]>> badges = new KafkaTopics(brokers).readAll(BADGES);
            Set<String> badgeIds = badges.stream().map(KillNineFaultIT::ceId).collect(Collectors.toSet());
            List<String> csvAwardIds = TranscriptCsv.allRows(sis).stream()
                    .map(row -> row.get("award_id"))
                    .toList();
            Set<String> awardIds = Set.copyOf(jdbc.queryForList("select award_id from award", String.class));
            Set<String> awardedLearners =
                    Set.copyOf(jdbc.queryForList("select learner_id from award where status = 'ACTIVE'", String.class));
            Map<org.apache.kafka.common.TopicPartition, Long> ends =
                    new KafkaTopics(brokers).endOffsets("credbridge.learning-events.v1");

            System.out.printf(
                    "%nkill -9 fault run: %d statements in %d batches (%d sends, %d resent), %d kills, recovery"
                            + " (kill to ready) %s; %d awards for %d learners expected; %d badge records (%d distinct"
                            + " ce_id); %d transcript rows (%d distinct awards); dead letters %d%n%n",
                    LEARNERS,
                    batches.size(),
                    forwarder.sends.get(),
                    forwarder.sends.get() - batches.size(),
                    recoveries.size(),
                    recoveries,
                    awardIds.size(),
                    LEARNERS,
                    badges.size(),
                    badgeIds.size(),
                    csvAwardIds.size(),
                    Set.copyOf(csvAwardIds).size(),
                    count(jdbc, "select count(*) from dead_letter"));

            assertThat(awardedLearners).as("every expected award, and no other").isEqualTo(Set.copyOf(learners));
            assertThat(awardIds).as("one award per learner").hasSize(LEARNERS);
            assertThat(csvAwardIds).as("one transcript row per award").hasSize(LEARNERS);
            assertThat(Set.copyOf(csvAwardIds)).isEqualTo(awardIds);
            assertThat(badgeIds).as("a badge event for every award").hasSize(LEARNERS);
            assertThat(count(jdbc, "select count(*) from dead_letter")).isZero();
            // Nothing left uncommitted on the learning-events topic: the award stage's group has committed every
            // record.
            await(() -> new KafkaTopics(brokers).caughtUp("credbridge-award", "credbridge.learning-events.v1"));
            assertThat(ends.values().stream().mapToLong(Long::longValue).sum())
                    .as("the learning-events topic holds each accepted statement at least once")
                    .isGreaterThanOrEqualTo(LEARNERS);
        }
    }

    private Duration killAndRestart(ChildJvm app, int port) throws Exception {
        long killed = System.nanoTime();
        app.kill();
        app.start().awaitReady(() -> ready(port), PATIENCE);
        return Duration.ofMillis((System.nanoTime() - killed) / 1_000_000);
    }

    private boolean ready(int port) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An LRS forwarder: sends the batches in order, each again until it is answered 200. */
    private final class Forwarder implements Runnable {

        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger sends = new AtomicInteger();
        private final int port;
        private final List<String> batches;

        Forwarder(int port, List<String> batches) {
            this.port = port;
            this.batches = batches;
        }

        @Override
        public void run() {
            for (String batch : batches) {
                while (!Thread.currentThread().isInterrupted()) {
                    sends.incrementAndGet();
                    try {
                        if (XapiStatements.post(http, String.valueOf(port), batch)
                                        .statusCode()
                                == 200) {
                            accepted.incrementAndGet();
                            break;
                        }
                    } catch (IOException refusedOrCut) {
                        // The app is down or was killed mid-request: send the same batch again.
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    pause();
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Statements with fixed ids, one course completion per learner, in batches. */
    private static List<String> batches(List<String> learners) {
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < learners.size(); i += BATCH) {
            batches.add(learners.subList(i, Math.min(learners.size(), i + BATCH)).stream()
                    .map(learner -> completed(
                            UUID.nameUUIDFromBytes(learner.getBytes(StandardCharsets.UTF_8))
                                    .toString(),
                            learner,
                            COURSE))
                    .collect(Collectors.joining(",", "[", "]")));
        }
        return batches;
    }

    private List<String> appArguments(int port, String brokers, PostgresTestDatabase.Connection.Settings db, Path sis) {
        List<String> args = new ArrayList<>(TestCredentials.arguments());
        args.addAll(List.of(
                "--server.port=" + port,
                "--credbridge.embedded-kafka.enabled=false",
                "--camel.component.kafka.brokers=" + brokers,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.flyway.schemas=" + db.schema(),
                "--credbridge.transcript.csv.directory=" + sis,
                "--credbridge.award.instance-id=fault-1",
                "--credbridge.outbox.poll-interval=100ms",
                "--credbridge.outbox.first-retry-delay=100ms",
                "--credbridge.outbox.max-retry-delay=500ms"));
        return args;
    }

    private static Path packagedJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "credbridge-*.jar")) {
            for (Path jar : jars) {
                if (!jar.getFileName().toString().contains("sources")) {
                    return jar.toAbsolutePath();
                }
            }
        }
        throw new IllegalStateException("no packaged jar in target/: run mvn verify (package comes first)");
    }

    private static String ceId(ConsumerRecord<String, byte[]> record) {
        Header id = record.headers().lastHeader("ce_id");
        return id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
    }

    private static long awards(JdbcTemplate jdbc) {
        return count(jdbc, "select count(*) from award");
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }
}

package io.credbridge.endtoend;

import static io.credbridge.endtoend.XapiStatements.COURSE;
import static io.credbridge.endtoend.XapiStatements.completed;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.ChildJvm;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.StandaloneKafka;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import io.credbridge.testsupport.TrainedJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What every fault scenario shares: a deterministic workload (one course completion per learner, statements with
 * fixed ids, so each learner is expected to be awarded exactly once), the packaged application and a Kafka broker as
 * child processes, an LRS forwarder, and the invariants checked afterwards with the counts each scenario prints.
 * Processes' logs go under {@code target/fault-runs/<scenario>-<time>/}.
 */
final class FaultRun {

    static final int BATCH = 20;
    static final String BADGES = "credbridge.badge-issuance.v1";
    static final String LEARNING_EVENTS = "credbridge.learning-events.v1";
    static final String AWARD_GROUP = "credbridge-award";

    final Path dir;
    final int kafkaPort;
    final String brokers;
    final PostgresTestDatabase.Connection.Settings db;
    final Path sis;
    final List<String> learners = new ArrayList<>();
    final List<String> batches;
    final Duration patience;
    final JdbcTemplate jdbc;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    FaultRun(String scenario, int learnerCount) throws IOException {
        // Under target/, not a temporary directory: the processes' logs are what explains a failure.
        dir = Files.createDirectories(Path.of("target", "fault-runs", scenario + "-" + System.currentTimeMillis()));
        kafkaPort = TestKafkaBroker.freePort();
        brokers = "localhost:" + kafkaPort;
        db = PostgresTestDatabase.newSchema();
        sis = dir.resolve("sis-import");
        for (int i = 0; i < learnerCount; i++) {
            learners.add(scenario + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
        }
        batches = batches(learners);
        // A start (200 s seen on a 2-core machine at load 30), the last batch, the drain (about 20 ms per badge).
        patience = Duration.ofMinutes(5).plusMillis(learnerCount * 20L);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
    }

    /** The broker, restartable on the same port and log directory. */
    ChildJvm kafka() {
        return ChildJvm.ofMainClass(
                StandaloneKafka.class,
                dir.resolve("kafka.log"),
                List.of(
                        String.valueOf(kafkaPort),
                        String.valueOf(TestKafkaBroker.freePort()),
                        dir.resolve("kafka").toString()));
    }

    /** Starts (or restarts) the broker and waits until it has said it is ready once more than before. */
    void startKafka(ChildJvm kafka) throws Exception {
        long before = kafka.logOccurrences(StandaloneKafka.READY);
        kafka.start().awaitReady(() -> kafka.logOccurrences(StandaloneKafka.READY) > before, patience);
    }

    /** The packaged jar as instance {@code instanceId}, using the run's database unless {@code dbUrl} differs. */
    ChildJvm app(String instanceId, int port, String dbUrl, List<String> moreArguments) throws IOException {
        List<String> args = new ArrayList<>(TestCredentials.arguments());
        args.addAll(List.of(
                "--server.port=" + port,
                "--credbridge.embedded-kafka.enabled=false",
                "--camel.component.kafka.brokers=" + brokers,
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.flyway.schemas=" + db.schema(),
                "--credbridge.transcript.csv.directory=" + sis,
                "--credbridge.award.instance-id=" + instanceId,
                "--credbridge.outbox.poll-interval=100ms",
                "--credbridge.outbox.first-retry-delay=100ms",
                "--credbridge.outbox.max-retry-delay=500ms"));
        args.addAll(moreArguments);
        TrainedJar trained = TrainedJar.quickStart();
        return ChildJvm.ofJar(trained.jar(), dir.resolve(instanceId + ".log"), trained.jvmOptions(), args);
    }

    ChildJvm app(String instanceId, int port) throws IOException {
        return app(instanceId, port, db.url(), List.of());
    }

    void startApp(ChildJvm app, int port) throws Exception {
        app.start().awaitReady(() -> ready(port), patience);
    }

    /** SIGKILL and a start; the time from the kill until the instance is ready again. */
    Duration killAndRestart(ChildJvm app, int port) throws Exception {
        long killed = System.nanoTime();
        app.kill();
        startApp(app, port);
        return Duration.ofNanos(System.nanoTime() - killed);
    }

    boolean ready(int port) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://localhost:" + port + "/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + patience + "; logs in " + dir);
            }
            Thread.sleep(100);
        }
    }

    /** A dependency the test takes away and brings back. */
    interface Outage {
        void begin() throws Exception;

        void end() throws Exception;
    }

    /**
     * Sends the workload through one outage: a slowed forwarder (so the outage falls in its middle) sends a third,
     * then the dependency is away for {@code length} (the forwarder's answers tallied as phase "away", after it as
     * "back"); returns the time from the dependency's return to the next award, once the forwarder got every batch in.
     */
    Duration sendThroughOutage(Forwarder forwarder, Outage outage, Duration length, ChildJvm app) throws Exception {
        Thread sending = forwarder.pausingBetweenBatches(Duration.ofMillis(300)).start();
        while (forwarder.accepted.get() < batches.size() / 3 && sending.isAlive()) {
            Thread.sleep(20);
        }
        forwarder.phase("away");
        outage.begin();
        Thread.sleep(length.toMillis());
        long awardsBefore = count("select count(*) from award");
        outage.end();
        long back = System.nanoTime();
        forwarder.phase("back");
        await(() -> count("select count(*) from award") > awardsBefore || !sending.isAlive());
        Duration recovery = Duration.ofNanos(System.nanoTime() - back);
        sending.join(patience.toMillis());
        assertThat(sending.isAlive())
                .as("the forwarder got every batch in; see " + app.log())
                .isFalse();
        return recovery;
    }

    /** Waits until every learner is awarded and the outbox is empty, then the award group has committed all. */
    void awaitSettled() throws InterruptedException {
        await(() -> count("select count(*) from award") >= learners.size()
                && count("select count(*) from outbox_event") == 0);
        await(() -> new KafkaTopics(brokers).caughtUp(AWARD_GROUP, LEARNING_EVENTS));
    }

    /** The sum of a counter's series in an instance's Prometheus scrape (0 when it has none yet). */
    double meter(int port, String name) throws IOException, InterruptedException {
        String scrape = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                                .headers(TestCredentials.ADMIN_AND_LRS)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    /** The award ids of the transcript rows in the SIS import files. */
    List<String> csvTranscriptAwardIds() {
        try {
            return TranscriptCsv.allRows(sis).stream()
                    .map(row -> row.get("award_id"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SIS import files in " + sis, e);
        }
    }

    /**
     * Every expected award exactly once and no other, a transcript entry and a badge event (by ce_id) for each, none
     * twice, no dead letter, and every statement the forwarder got accepted on the learning-events topic. The counts
     * are reported first, so a failing run prints them too.
     */
    Counts checkInvariants(Forwarder forwarder, List<String> transcriptAwardIds, Consumer<Counts> report) {
        List<ConsumerRecord<String, byte[]>> badges = new KafkaTopics(brokers).readAll(BADGES);
        Set<String> badgeIds = badges.stream().map(FaultRun::ceId).collect(Collectors.toSet());
        List<String> awardIds = jdbc.queryForList("select award_id from award", String.class);
        List<String> awardedLearners =
                jdbc.queryForList("select learner_id from award where status = 'ACTIVE'", String.class);
        long onTopic = new KafkaTopics(brokers)
                .endOffsets(LEARNING_EVENTS).values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
        Set<String> expected = Set.copyOf(learners);
        Set<String> unexpected = new HashSet<>(awardedLearners);
        unexpected.removeAll(expected);
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(Set.copyOf(awardedLearners));
        Counts counts = new Counts(
                learners.size(),
                forwarder.sends.get(),
                awardIds.size(),
                expected.size(),
                awardedLearners.size() - Set.copyOf(awardedLearners).size(),
                lost.size(),
                unexpected.size(),
                badges.size(),
                badgeIds.size(),
                transcriptAwardIds.size(),
                Set.copyOf(transcriptAwardIds).size(),
                count("select count(*) from dead_letter"));
        report.accept(counts);

        assertThat(Set.copyOf(awardedLearners))
                .as("every expected award, and no other; logs in " + dir)
                .isEqualTo(expected);
        assertThat(awardIds).as("one award per learner").hasSize(expected.size());
        assertThat(transcriptAwardIds).as("one transcript entry per award").hasSize(expected.size());
        assertThat(Set.copyOf(transcriptAwardIds)).isEqualTo(Set.copyOf(awardIds));
        assertThat(badgeIds).as("a badge event for every award").hasSize(expected.size());
        assertThat(counts.deadLetters()).as("no dead letter").isZero();
        assertThat(onTopic)
                .as("the learning-events topic holds each accepted statement at least once")
                .isGreaterThanOrEqualTo(learners.size());
        return counts;
    }

    /** What a scenario prints: its counts, its outages or restarts and how long each took to recover. */
    record Counts(
            int sent,
            int sends,
            int awarded,
            int expected,
            int duplicates,
            int lost,
            int unexpected,
            int badgeRecords,
            int distinctBadges,
            int transcriptEntries,
            int distinctTranscriptEntries,
            long deadLetters) {

        void print(String scenario, String faults, List<Duration> recoveries, String more) {
            System.out.printf(
                    "%n%s: sent %d statements (%d sends); awarded %d, expected %d, duplicates %d, lost %d, unexpected"
                            + " %d; badge records %d (%d distinct ce_id); transcript entries %d (%d distinct awards);"
                            + " dead letters %d; %s; time to recover %s%s%n%n",
                    scenario,
                    sent,
                    sends,
                    awarded,
                    expected,
                    duplicates,
                    lost,
                    unexpected,
                    badgeRecords,
                    distinctBadges,
                    transcriptEntries,
                    distinctTranscriptEntries,
                    deadLetters,
                    faults,
                    recoveries.stream().map(FaultRun::seconds).toList(),
                    more.isEmpty() ? "" : "; " + more);
        }
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    /**
     * An LRS forwarder: sends batches in order, each again until it is answered 200, moving on to the next instance
     * when one cannot be reached. Tallies the answers by the phase the test names.
     */
    final class Forwarder implements Runnable {

        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger sends = new AtomicInteger();
        final AtomicLong slowestAnswerMillis = new AtomicLong();
        /** Phase, then what was answered: a status, "503 without Retry-After", or "no answer". */
        final Map<String, Map<String, AtomicInteger>> answers = new ConcurrentHashMap<>();

        private final List<Integer> ports;
        private final List<String> toSend;
        private volatile String phase = "before";
        private volatile long pauseMillis;

        /** Sends {@code toSend}, each batch to the next instance in turn, as a load balancer in front of them. */
        Forwarder(List<Integer> ports, List<String> toSend) {
            this.ports = ports;
            this.toSend = toSend;
        }

        Forwarder(int port) {
            this(List.of(port), batches);
        }

        Forwarder phase(String name) {
            phase = name;
            return this;
        }

        Thread start() {
            Thread sending = new Thread(this, "lrs-forwarder");
            sending.start();
            return sending;
        }

        /** Slows the forwarder down so that a fault falls in the middle of the workload. */
        Forwarder pausingBetweenBatches(Duration pause) {
            pauseMillis = pause.toMillis();
            return this;
        }

        Map<String, Integer> answered(String phaseName) {
            Map<String, Integer> tally = new TreeMap<>();
            answers.getOrDefault(phaseName, Map.of()).forEach((answer, n) -> tally.put(answer, n.get()));
            return tally;
        }

        @Override
        public void run() {
            int target = 0;
            for (String batch : toSend) {
                target = (target + 1) % ports.size();
                while (!Thread.currentThread().isInterrupted()) {
                    sends.incrementAndGet();
                    String phaseNow = phase;
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> answer =
                                XapiStatements.post(http, String.valueOf(ports.get(target)), batch);
                        slowestAnswerMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                        tally(phaseNow, label(answer));
                        if (answer.statusCode() == 200) {
                            accepted.incrementAndGet();
                            break;
                        }
                    } catch (IOException refusedOrCut) {
                        // The instance is down or was killed mid-request: the same batch again, to the next one.
                        tally(phaseNow, "no answer");
                        target = (target + 1) % ports.size();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    pause(200);
                }
                pause(pauseMillis);
            }
        }

        private void tally(String phaseName, String answer) {
            answers.computeIfAbsent(phaseName, p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(answer, a -> new AtomicInteger())
                    .incrementAndGet();
        }

        private static String label(HttpResponse<String> answer) {
            if (answer.statusCode() == 503
                    && answer.headers().firstValue("Retry-After").isEmpty()) {
                return "503 without Retry-After";
            }
            return String.valueOf(answer.statusCode());
        }

        private void pause(long millis) {
            if (millis <= 0) {
                return;
            }
            try {
                Thread.sleep(millis);
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

    static String ceId(ConsumerRecord<String, byte[]> record) {
        Header id = record.headers().lastHeader("ce_id");
        return id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
    }
}

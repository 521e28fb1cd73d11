package io.credbridge.bench;

import io.credbridge.CredBridgeApplication;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.kafka.TopicProvisioner;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RouteController;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints the award stage's throughput beside a raw Kafka consume-produce passthrough on the same broker and
 * machine (the baseline), and the event-to-badge latency at a steady rate. It measures; it asserts nothing.
 *
 * <pre>mvn verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AwardStageBenchmark -Dbench.events=100000</pre>
 *
 * <p>{@code -Dbench.definitions=10000 -Dbench.learners=100000} runs it on a generated catalog of that many
 * definitions (stacked three levels deep) instead of the demo one, to compare catalog sizes.
 */
class AwardStageBenchmark {

    static final String COURSE = "https://lms.demo.credbridge.io/courses/data-analysis-101";
    static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    static final int LEARNERS = Integer.getInteger("bench.learners", 20_000);
    /**
     * Events each side handles before it is measured. The award stage calls its big methods once per batch, so the
     * JIT compiles them late: after 40,000 events it still spent 2 of the measured run's 4.5 s compiling them
     * (JFR), and the run took 74 us of JVM CPU per event; after 100,000, 48 us.
     */
    static final int WARM_UP_EVENTS = Integer.getInteger("bench.warm-up", 100_000);

    /** Runs of the tuned passthrough on the measured events, and of the award stage; the best of each is compared. */
    static final int BASELINE_RUNS = Integer.getInteger("bench.baseline-runs", 3);

    /**
     * Events a run of the steady-state passthrough moves. On as many events as the award stage handles, the
     * passthrough is done in under a second, much of it ramping up (the consumer's first fetches, the producer's first
     * batches): on one 2-core machine within a day, 100,000 events measured 77,000 to 150,000 a second, 500,000 measured
     * 130,000 to 396,000. The stronger figure is the baseline.
     */
    static final int STEADY_BASELINE_EVENTS = Integer.getInteger("bench.baseline-events", 5 * EVENTS);

    static final int PACED_RATE = Integer.getInteger("bench.paced.rate", 200);
    static final int PACED_SECONDS = Integer.getInteger("bench.paced.seconds", 15);
    /** Other learners whose facts are in the database before the run (five completions each), as a campus has. */
    static final int HISTORY_LEARNERS = Integer.getInteger("bench.history", 100_000);
    /**
     * Completions each measured learner already has on courses no credential names ({@code -Dbench.own-history}), as
     * a learner with years of LMS activity has: what the award stage reads of them is what grows with their record.
     */
    static final int OWN_HISTORY = Integer.getInteger("bench.own-history", 0);
    /**
     * {@code -Dbench.with-relays=false} measures the award stage alone and skips the runs that wait for the relays,
     * which sign every badge: for a generated catalog, where every event earns several, they would take minutes.
     */
    static final boolean WITH_RELAYS = !"false".equals(System.getProperty("bench.with-relays"));

    /** A generated catalog of this many definitions instead of the demo one (see {@link BenchCatalog}). */
    static final Integer DEFINITIONS = Integer.getInteger("bench.definitions");

    private final String brokers = TestKafkaBroker.bootstrapServers();

    @Test
    void printsAwardStageThroughputBesideARawKafkaPassthroughAndEventToBadgeLatency() throws Exception {
        // The award stage is measured as often as the passthrough, each run on learners of its own (a learner's
        // second run would earn nothing); the first run's events are the ones the passthrough moves.
        List<List<BenchEvent>> measuredRuns = new ArrayList<>();
        for (int run = 0; run < BASELINE_RUNS; run++) {
            measuredRuns.add(events(EVENTS, LEARNERS, measuredPrefix(run)));
        }
        List<BenchEvent> events = measuredRuns.get(0);
        List<BenchEvent> eventsWithRelays = events(EVENTS, LEARNERS, "bench-relayed");
        // Both sides run once on other learners first, so that neither is measured while the JIT compiles it.
        List<BenchEvent> warmUp = events(WARM_UP_EVENTS, Math.min(LEARNERS, WARM_UP_EVENTS), "warm-up");

        tunedPassthroughRate(warmUp);
        // The passthrough's rate swings by a third from run to run on a shared 2-core machine (67,000 to 136,000
        // events/s seen in one hour); its best of three is the strongest baseline, so the ratio errs against us.
        List<Double> baselineRuns = new ArrayList<>();
        CpuTime beforeBaseline = CpuTime.now();
        for (int run = 0; run < BASELINE_RUNS; run++) {
            baselineRuns.add(tunedPassthroughRate(events));
        }
        CpuTime baselineCpu = CpuTime.now().since(beforeBaseline);
        double baseline =
                baselineRuns.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double perPollBaseline = perPollPassthroughRate(events);
        List<BenchEvent> steadyEvents = events(STEADY_BASELINE_EVENTS, LEARNERS, "steady");
        List<Double> steadyRuns = new ArrayList<>();
        for (int run = 0; run < BASELINE_RUNS; run++) {
            steadyRuns.add(tunedPassthroughRate(steadyEvents));
        }
        steadyEvents = null; // not kept through the award stage's runs
        double steadyBaseline =
                steadyRuns.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double strongestBaseline = Math.max(baseline, steadyBaseline);
        try (ConfigurableApplicationContext app = startCredBridge()) {
            OutboxRelay relays = app.getBean(OutboxRelay.class);
            long history = storeHistory(app);
            if (!WITH_RELAYS) {
                relays.stop();
            }
            awardStageRate(app, warmUp);
            if (WITH_RELAYS) {
                outboxDrained(app, warmUp.size());
            }

            // The stage alone, as the passthrough is measured: nothing downstream of it runs meanwhile. Its best run
            // is compared with the passthrough's best, so that both are taken at their steadiest.
            relays.stop();
            List<Double> aloneRuns = new ArrayList<>();
            double alone = 0;
            CpuTime aloneCpu = null;
            long awards = 0;
            for (List<BenchEvent> run : measuredRuns) {
                long awardsBefore = awardCount(app);
                CpuTime beforeRun = CpuTime.now();
                double rate = awardStageRate(app, run);
                CpuTime runCpu = CpuTime.now().since(beforeRun);
                aloneRuns.add(rate);
                if (rate > alone) {
                    alone = rate;
                    aloneCpu = runCpu;
                    awards = awardCount(app) - awardsBefore;
                }
            }

            // Then on other learners with the relays signing and publishing badges and writing the CSV on the same
            // cores, and the latency of one badge at a steady rate.
            double withRelays = Double.NaN;
            double wholePipeline = Double.NaN;
            HistogramSnapshot latency = null;
            if (WITH_RELAYS) {
                relays.start();
                outboxDrained(app, events.size());
                withRelays = awardStageRate(app, eventsWithRelays);
                wholePipeline = outboxDrained(app, eventsWithRelays.size());
                // The latency timer is per credential; the demo catalog's events all earn one, a generated one's
                // seven.
                latency = DEFINITIONS == null ? pacedLatency(app) : null;
            }

            System.out.printf(
                    "%n=== CredBridge award stage benchmark (%d events, %d learners, %d cores) ===%n",
                    EVENTS, LEARNERS, Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "catalog                                         : %s%n",
                    DEFINITIONS == null
                            ? "the demo catalog (3 definitions)"
                            : DEFINITIONS + " definitions, stacked three levels deep");
            System.out.printf(
                    "learner facts stored before the run             : %,d (of %,d other learners)%n",
                    history, HISTORY_LEARNERS);
            System.out.printf(
                    "facts each measured learner has before the run  : %,d (on courses no credential names)%n",
                    OWN_HISTORY);
            System.out.printf(
                    "warm-up before the measurements                 : %,d events of other learners, each side%n",
                    warmUp.size());
            System.out.printf(
                    "baseline: tuned Kafka consume->produce passthrough : %,10.0f events/s  (best of %s)%n",
                    baseline,
                    baselineRuns.stream()
                            .map(rate -> String.format("%,.0f", rate))
                            .toList());
            System.out.printf(
                    "  CPU per event                                  : %s%n",
                    baselineCpu.perEvent(events.size() * BASELINE_RUNS));
            System.out.printf(
                    "the same passthrough at steady state (%,d events a run) : %,10.0f events/s  (best of %s)%n",
                    STEADY_BASELINE_EVENTS,
                    steadyBaseline,
                    steadyRuns.stream()
                            .map(rate -> String.format("%,.0f", rate))
                            .toList());
            System.out.printf(
                    "(the foundation's baseline: flush and commit every poll: %,10.0f events/s)%n", perPollBaseline);
            System.out.printf(
                    "award stage alone (relays paused)                : %,10.0f events/s  (best of %s; %d awards)%n",
                    alone,
                    aloneRuns.stream().map(rate -> String.format("%,.0f", rate)).toList(),
                    awards);
            System.out.printf(
                    "  CPU per event (best run)                       : %s%n", aloneCpu.perEvent(events.size()));
            System.out.printf(
                    "ratio award stage alone / strongest baseline     : %10.2f  (target >= 0.25)%n",
                    alone / strongestBaseline);
            System.out.printf(
                    "ratio award stage alone / passthrough of %,d events : %10.2f  (as earlier releases reported it)%n",
                    EVENTS, alone / baseline);
            if (WITH_RELAYS) {
                System.out.printf("award stage with the relays running              : %,10.0f events/s%n", withRelays);
                System.out.printf(
                        "whole pipeline until every badge and CSV row is out : %,10.0f events/s%n", wholePipeline);
                System.out.printf(
                        "ratio award stage with relays / strongest baseline : %10.2f%n",
                        withRelays / strongestBaseline);
            }
            if (latency != null) {
                System.out.printf(
                        "event-to-badge latency at %d events/s for %d s: %s (target p99 <= 100 ms)%n%n",
                        PACED_RATE, PACED_SECONDS, describe(latency));
            }
        }
    }

    /**
     * The baseline: these records moved to another topic as a tuned stream processor moves them. The producer
     * batches (idempotent, 5 ms linger, 256 KiB batches) and is flushed, and offsets committed, every 100 ms as
     * Kafka Streams does at its commit interval, not after every poll.
     */
    private double tunedPassthroughRate(List<BenchEvent> events) throws Exception {
        Map<String, Object> batching = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024);
        return passthroughRate(
                events,
                new KafkaProducer<>(batching, new StringSerializer(), new ByteArraySerializer()),
                Duration.ofMillis(100));
    }

    /** The foundation's baseline: the same move, flushing the producer and committing after every poll. */
    private double perPollPassthroughRate(List<BenchEvent> events) throws Exception {
        return passthroughRate(events, producer(), Duration.ZERO);
    }

    /** Moves the records to another topic, flushing and committing when {@code commitEvery} has passed. */
    private double passthroughRate(
            List<BenchEvent> events, KafkaProducer<String, byte[]> producer, Duration commitEvery) throws Exception {
        String in = "bench.passthrough.in." + UUID.randomUUID();
        String out = "bench.passthrough.out." + UUID.randomUUID();
        createTopics(in, out);
        produceAll(in, events);
        // The clock starts at the first records, once the consumer has joined its group: the award stage's consumer
        // has joined before it is measured too.
        long start = 0;
        int moved = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench-passthrough-" + UUID.randomUUID());
                producer) {
            consumer.subscribe(List.of(in));
            long lastCommit = System.nanoTime();
            while (moved < events.size()) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(100));
                if (start == 0 && !polled.isEmpty()) {
                    start = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> record : polled) {
                    producer.send(new ProducerRecord<>(out, record.key(), record.value()));
                }
                moved += polled.count();
                if (System.nanoTime() - lastCommit >= commitEvery.toNanos() || moved >= events.size()) {
                    producer.flush();
                    consumer.commitSync();
                    lastCommit = System.nanoTime();
                }
            }
        }
        return moved / seconds(start);
    }

    private static long awardCount(ConfigurableApplicationContext app) {
        return app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select count(*) from award", Long.class);
    }

    private long pipelineStart;

    /**
     * The events are in the topic before the clock starts, as they are for the passthrough: the award route is
     * suspended while they are produced, so that both sides are measured consuming the same backlog.
     */
    private double awardStageRate(ConfigurableApplicationContext app, List<BenchEvent> events) throws Exception {
        RouteController routes = app.getBean(CamelContext.class).getRouteController();
        routes.suspendRoute("award");
        produceAll("credbridge.learning-events.v1", events);
        Map<TopicPartition, Long> ends = endOffsets("credbridge.learning-events.v1");
        long start = System.nanoTime();
        pipelineStart = start;
        routes.resumeRoute("award");
        while (!caughtUp("credbridge-award", ends)) {
            Thread.sleep(20); // polling an external group's progress; not a test wait
        }
        return events.size() / seconds(start);
    }

    /** Waits until the relays have delivered everything; returns the rate from first produce to last delivery. */
    private double outboxDrained(ConfigurableApplicationContext app, int count) throws InterruptedException {
        org.springframework.jdbc.core.JdbcTemplate jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        while (jdbc.queryForObject("select count(*) from outbox_event where status = 'PENDING'", Long.class) > 0) {
            Thread.sleep(20);
        }
        return count / seconds(pipelineStart);
    }

    private HistogramSnapshot pacedLatency(ConfigurableApplicationContext app) throws Exception {
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        meters.find("credbridge.event.to.badge.latency").timers().forEach(meters::remove);
        List<BenchEvent> events = events(PACED_RATE * PACED_SECONDS, PACED_RATE * PACED_SECONDS, "paced");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long start = System.nanoTime();
            for (int i = 0; i < events.size(); i++) {
                long due = start + TimeUnit.SECONDS.toNanos(1) * i / PACED_RATE;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait); // not spinning: 2 cores are shared
                }
                LearningEvent event =
                        LearningEvent.getDecoder().decode(events.get(i).value());
                event.setReceivedAt(Instant.now());
                producer.send(new ProducerRecord<>(
                        "credbridge.learning-events.v1",
                        event.getLearnerIds().get(0).getValue(),
                        LearningEvent.getEncoder().encode(event).array()));
            }
        }
        Timer timer = null;
        for (int waited = 0; waited < 600; waited++) {
            timer = meters.find("credbridge.event.to.badge.latency").timer();
            if (timer != null && timer.count() >= events.size()) {
                break;
            }
            Thread.sleep(100);
        }
        return timer == null ? null : timer.takeSnapshot();
    }

    /**
     * Other learners' facts, so the award stage reads and writes tables and indexes of a campus's size, not of
     * an empty database; then fresh statistics, as autovacuum would gather them.
     */
    private static long storeHistory(ConfigurableApplicationContext app) {
        var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        jdbc.update(
                "insert into learner_fact (learner_id, event_id, activity_id, kind, occurred_at)"
                        + " select 'history-' || g, 'history-' || g || '-' || k,"
                        + " 'https://lms.example.edu/history/course-' || k, 'COMPLETED', now()"
                        + " from generate_series(1, ?) g, generate_series(1, 5) k",
                HISTORY_LEARNERS);
        if (OWN_HISTORY > 0) {
            jdbc.update(
                    "insert into learner_fact (learner_id, event_id, activity_id, kind, occurred_at)"
                            + " select p || '-learner-' || g, p || '-learner-' || g || '-past-' || k,"
                            + " 'https://lms.example.edu/history/course-' || k, 'COMPLETED', now()"
                            + " from unnest(?::varchar[]) p, generate_series(0, ? - 1) g, generate_series(1, ?) k",
                    prefixesWithHistory(),
                    LEARNERS,
                    OWN_HISTORY);
        }
        jdbc.execute("analyze learner_fact");
        return jdbc.queryForObject("select count(*) from learner_fact", Long.class);
    }

    private static String measuredPrefix(int run) {
        return run == 0 ? "bench" : "bench-" + (run + 1);
    }

    /** The learner prefixes of every run, as a PostgreSQL array literal. */
    private static String prefixesWithHistory() {
        List<String> prefixes = new ArrayList<>(List.of("bench-relayed", "warm-up"));
        for (int run = 0; run < BASELINE_RUNS; run++) {
            prefixes.add(measuredPrefix(run));
        }
        return "{" + String.join(",", prefixes) + "}";
    }

    private ConfigurableApplicationContext startCredBridge() throws IOException {
        PostgresTestDatabase.Connection.Settings db = PostgresTestDatabase.newSchema();
        String catalog = DEFINITIONS == null
                ? "classpath:demo/catalog/*.yaml"
                : BenchCatalog.write(DEFINITIONS, Files.createTempDirectory("bench-catalog"));
        return new SpringApplicationBuilder(CredBridgeApplication.class)
                .run(TestCredentials.with(
                        "--credbridge.catalog.locations=" + catalog,
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--spring.flyway.schemas=" + db.schema(),
                        "--credbridge.embedded-kafka.enabled=false",
                        "--camel.component.kafka.brokers=" + brokers,
                        "--credbridge.transcript.csv.directory=" + Files.createTempDirectory("bench-sis"),
                        "--management.metrics.distribution.percentiles.credbridge.event.to.badge.latency=0.5,0.99",
                        "--credbridge.award.max-batch-size=" + Integer.getInteger("bench.batch", 2000),
                        "--logging.level.root=WARN",
                        "--logging.level.io.credbridge.award=" + System.getProperty("bench.award.log", "WARN")));
    }

    private static String courseOf(int event) {
        return DEFINITIONS == null ? COURSE : BenchCatalog.courseOfEvent(event);
    }

    /** Course completions and scores for many learners: the first completion per learner earns a badge. */
    static List<BenchEvent> events(int count, int learners, String prefix) throws IOException {
        List<BenchEvent> events = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String learner = prefix + "-learner-" + (i % learners);
            events.add(new BenchEvent(
                    learner,
                    LearningEvent.getEncoder()
                            .encode(LearningEvent.newBuilder()
                                    .setEventId(UUID.randomUUID().toString())
                                    .setSource("xapi")
                                    .setOccurredAt(now)
                                    .setReceivedAt(now)
                                    .setType(LearningEventType.COURSE_COMPLETED)
                                    .setLearnerIds(List.of(LearnerIdentifier.newBuilder()
                                            .setScheme("account")
                                            .setValue(learner)
                                            .build()))
                                    .setObjectId(courseOf(i))
                                    .setCourseIds(List.of(courseOf(i)))
                                    .build())
                            .array()));
        }
        return events;
    }

    /** An encoded event and its learner, the record key, so that producing it needs no decoding. */
    record BenchEvent(String learner, byte[] value) {}

    private void produceAll(String topic, List<BenchEvent> events) throws Exception {
        List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (BenchEvent event : events) {
                sends.add(producer.send(new ProducerRecord<>(topic, event.learner(), event.value())));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get(); // a lost record would leave the measurement waiting for it forever
            }
        }
    }

    /** The offset after the last record of each partition of the topic. */
    private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        Admin admin = progressAdmin();
        var partitions = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
        return ends;
    }

    /**
     * Whether the group has committed every offset up to these ends. One admin request per check, from one admin
     * client: creating a client per check cost most of a core, and three requests per check cost the measured stage
     * more than the passthrough, which has no such observer, pays.
     */
    private boolean caughtUp(String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = progressAdmin()
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return ends.entrySet().stream()
                .allMatch(end -> end.getValue() == 0
                        || committed.containsKey(end.getKey())
                                && committed.get(end.getKey()).offset() == end.getValue());
    }

    private Admin progressAdmin;

    private Admin progressAdmin() {
        if (progressAdmin == null) {
            progressAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
        }
        return progressAdmin;
    }

    @org.junit.jupiter.api.AfterEach
    void closeProgressAdmin() {
        if (progressAdmin != null) {
            progressAdmin.close();
        }
    }

    private void createTopics(String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, 6, (short) 1));
            }
            admin.createTopics(topics).all().get();
            // Producing before the leaders serve the new partitions can strand records (KAFKA-15591).
            TopicProvisioner.awaitServed(admin, List.of(names), Duration.ofSeconds(30));
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        500),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String describe(HistogramSnapshot snapshot) {
        if (snapshot == null) {
            return "no badge events measured";
        }
        StringBuilder text = new StringBuilder(snapshot.count() + " badges");
        for (ValueAtPercentile p : snapshot.percentileValues()) {
            text.append(String.format(", p%.0f %.1f ms", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
        }
        return text.append(String.format(", max %.1f ms", snapshot.max(TimeUnit.MILLISECONDS)))
                .toString();
    }
}

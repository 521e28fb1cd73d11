package io.credbridge.bench;

import io.credbridge.CredBridgeApplication;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.kafka.CloudEventHeaders;
import io.credbridge.kafka.TopicProvisioner;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints the HTTP ingest's throughput on /lms/xapi/statements (one statement per POST, and batches of 100, from
 * several client threads over keep-alive connections, each POST answered once Kafka has its events) beside a raw
 * Kafka producer sending the same statements' LearningEvents on the same broker and machine, in the same run: once
 * with the same threads each waiting for its record's acknowledgement (as a POST waits), once all at once (the
 * producer's ceiling). It measures; it asserts nothing.
 *
 * <pre>mvn -B -o verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=XapiIngestBenchmark
 *     -Dbench.threads=8 -Dbench.singles=20000 -Dbench.batches=500</pre>
 */
class XapiIngestBenchmark {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int SINGLES = Integer.getInteger("bench.singles", 20_000);
    static final int BATCHES = Integer.getInteger("bench.batches", 500);
    static final int BATCH = 100;
    static final int WARM_UP = Integer.getInteger("bench.warm-up", 3_000);
    static final String HOME = "https://lms.example.edu";

    private final String brokers = TestKafkaBroker.bootstrapServers();

    @Test
    void printsStatementsPerSecondOverHttpBesideARawProducerSendingTheirEvents() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext app = startCredBridge()) {
            // Measures what ingest does; the award stage would compete for the same two cores.
            app.getBean(CamelContext.class).getRouteController().stopRoute("award");
            URI statements = URI.create("http://localhost" + ":"
                    + app.getEnvironment().getProperty("local.server.port") + "/lms/xapi/statements");

            post(statements, singles(WARM_UP, "warm-" + run));
            post(statements, batches(WARM_UP / BATCH, "warm-batch-" + run));
            awaitedRate(records(WARM_UP, "warm-raw-" + run));

            double singles = post(statements, singles(SINGLES, "single-" + run));
            double batched = post(statements, batches(BATCHES, "batch-" + run)) * BATCH;
            List<ProducerRecord<String, byte[]>> sameEvents = records(SINGLES, "raw-" + run);
            double awaited = awaitedRate(sameEvents);
            double ceiling = allAtOnceRate(sameEvents);
            System.out.printf(
                    "%nxAPI ingest over HTTP, %d client threads, keep-alive, PostgreSQL and Kafka acknowledged:%n"
                            + "  one statement per POST:      %,8.0f POSTs/s = statements/s (%,d statements)%n"
                            + "  batches of %d per POST:     %,8.0f statements/s (%,d batches)%n"
                            + "raw Kafka producer, the same statements' LearningEvents pre-built, live ingest's"
                            + " settings:%n"
                            + "  %d threads, each awaiting its record's acknowledgement: %,8.0f events/s%n"
                            + "  all sent at once, then flushed:                     %,8.0f events/s%n"
                            + "single POSTs / awaited raw sends = %.2f; batched / raw all at once = %.2f%n%n",
                    THREADS,
                    singles,
                    SINGLES,
                    BATCH,
                    batched,
                    BATCHES,
                    THREADS,
                    awaited,
                    ceiling,
                    singles / awaited,
                    batched / ceiling);
        }
    }

    /** POSTs every body from {@link #THREADS} threads, each with its own keep-alive client; returns POSTs/s. */
    private double post(URI statements, List<String> bodies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(threads.submit(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                int posted = 0;
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(statements)
                                    .header("Authorization", TestCredentials.ADMIN_AND_LRS[3])
                                    .header("X-Experience-API-Version", "1.0.3")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(
                                "POST answered " + response.statusCode() + ": " + response.body());
                    }
                    posted++;
                }
                return posted;
            }));
        }
        for (Future<Integer> thread : done) {
            thread.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        return bodies.size() / seconds;
    }

    /** The same threads, each sending one record and waiting for Kafka's acknowledgement, as one POST does. */
    private double awaitedRate(List<ProducerRecord<String, byte[]>> records) throws Exception {
        String topic = newTopic();
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (KafkaProducer<String, byte[]> producer = liveIngestProducer()) {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < records.size(); i = next.getAndIncrement()) {
                        ProducerRecord<String, byte[]> record = records.get(i);
                        producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()))
                                .get();
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
            return records.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdown();
        }
    }

    /** Every record sent without waiting, then one flush: what the producer can do at best. */
    private double allAtOnceRate(List<ProducerRecord<String, byte[]>> records) throws Exception {
        String topic = newTopic();
        try (KafkaProducer<String, byte[]> producer = liveIngestProducer()) {
            long start = System.nanoTime();
            List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
            for (ProducerRecord<String, byte[]> record : records) {
                sends.add(producer.send(
                        new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers())));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            return records.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The settings application.yaml gives the live ingest routes' producer (camel.component.kafka). */
    private KafkaProducer<String, byte[]> liveIngestProducer() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    private String newTopic() throws Exception {
        String topic = "bench.xapi.baseline." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            int partitions = admin.describeTopics(List.of("credbridge.learning-events.v1"))
                    .allTopicNames()
                    .get()
                    .get("credbridge.learning-events.v1")
                    .partitions()
                    .size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
            TopicProvisioner.awaitServed(admin, List.of(topic), Duration.ofSeconds(30));
        }
        return topic;
    }

    static List<String> singles(int count, String prefix) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(statement(prefix, i));
        }
        return bodies;
    }

    static List<String> batches(int count, String prefix) {
        List<String> bodies = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < BATCH; i++) {
                batch.append(i == 0 ? "" : ",").append(statement(prefix, b * BATCH + i));
            }
            bodies.add(batch.append(']').toString());
        }
        return bodies;
    }

    /** A course completion, as an LMS's xAPI plugin sends it. */
    static String statement(String prefix, int i) {
        return "{\"id\":\"" + id(prefix, i) + "\","
                + "\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"" + HOME + "\",\"name\":\""
                + learner(prefix, i) + "\"}},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{\"en-US\":\"completed\"}},"
                + "\"object\":{\"objectType\":\"Activity\",\"id\":\"" + course(i) + "\",\"definition\":{\"type\":"
                + "\"http://adlnet.gov/expapi/activities/course\"}},"
                + "\"result\":{\"completion\":true},"
                + "\"timestamp\":\"2024-03-15T10:00:00Z\"}";
    }

    /** The LearningEvents the statements become, encoded, with the same key and CloudEvents headers. */
    static List<ProducerRecord<String, byte[]>> records(int count, String prefix) throws IOException {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count; i++) {
            String id = id(prefix, i);
            LearningEvent event = LearningEvent.newBuilder()
                    .setEventId(id)
                    .setSource("xapi")
                    .setOccurredAt(Instant.parse("2024-03-15T10:00:00Z"))
                    .setReceivedAt(now)
                    .setType(LearningEventType.COURSE_COMPLETED)
                    .setLearnerIds(List.of(new LearnerIdentifier("account", learner(prefix, i), HOME)))
                    .setObjectId(course(i))
                    .setCourseIds(List.of(course(i)))
                    .build();
            RecordHeaders headers = new RecordHeaders();
            CloudEventHeaders.of(id, CloudEventHeaders.LEARNING_EVENT_TYPE, "urn:credbridge:ingest/xapi", now)
                    .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            records.add(new ProducerRecord<>(
                    "unused",
                    null,
                    learner(prefix, i),
                    LearningEvent.getEncoder().encode(event).array(),
                    headers));
        }
        return records;
    }

    private static String id(String prefix, int i) {
        return UUID.nameUUIDFromBytes((prefix + "/" + i).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String learner(String prefix, int i) {
        return "learner-" + prefix + "-" + i;
    }

    private static String course(int i) {
        return HOME + "/courses/" + (i % 50);
    }

    private ConfigurableApplicationContext startCredBridge() throws IOException {
        PostgresTestDatabase.Connection.Settings db = PostgresTestDatabase.newSchema();
        Path data = Files.createTempDirectory("bench-xapi");
        return new SpringApplicationBuilder(CredBridgeApplication.class)
                .run(TestCredentials.with(
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--spring.flyway.schemas=" + db.schema(),
                        "--credbridge.embedded-kafka.enabled=false",
                        "--camel.component.kafka.brokers=" + brokers,
                        "--credbridge.transcript.csv.directory=" + data.resolve("sis"),
                        // The benchmark's client is one LRS client sending as fast as it can.
                        "--credbridge.ingest.limits.requests-per-second=0",
                        "--logging.level.root=WARN"));
    }
}

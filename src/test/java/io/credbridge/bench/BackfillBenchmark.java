package io.credbridge.bench;

import io.credbridge.CredBridgeApplication;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.avro.Score;
import io.credbridge.ingest.backfill.BackfillProperties;
import io.credbridge.ingest.backfill.BackfillPublisher;
import io.credbridge.kafka.CloudEventHeaders;
import io.credbridge.kafka.TopicProvisioner;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import java.io.BufferedWriter;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints the CSV backfill's rate (rows/s, from the upload to the job's completion: checked, read, recorded as sent
 * and acknowledged by Kafka) beside a raw Kafka producer sending the same events, pre-built and encoded, with the
 * backfill's own producer settings (the baseline), in the same run on the same broker. It measures; it asserts
 * nothing.
 *
 * <pre>mvn -B -o verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BackfillBenchmark
 *     -Dbench.rows=1000000</pre>
 */
class BackfillBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int WARM_UP_ROWS = Integer.getInteger("bench.warm-up", 100_000);
    static final int BASELINE_RUNS = Integer.getInteger("bench.baseline-runs", 2);
    static final String HEADER = "learner,course,kind,score,max,when\n";
    static final String HOME = "https://lms.example.edu";
    static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");

    private final String brokers = TestKafkaBroker.bootstrapServers();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void printsTheBackfillsRowsPerSecondBesideARawProducerSendingTheSameEvents() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path warmUp = generate(WARM_UP_ROWS, "warm-" + run);
        Path measured = generate(ROWS, run);
        try (ConfigurableApplicationContext app = startCredBridge()) {
            // Measures what ingest does; the award stage would compete for the same two cores.
            app.getBean(CamelContext.class).getRouteController().stopRoute("award");
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            BackfillProperties.Producer tuning =
                    app.getBean(BackfillProperties.class).producer();

            baselineRate(events(WARM_UP_ROWS, "warm-" + run), tuning);
            backfillRate(base, warmUp);

            List<Double> baselines = new ArrayList<>();
            List<ProducerRecord<String, byte[]>> events = events(ROWS, "baseline-" + run);
            for (int i = 0; i < BASELINE_RUNS; i++) {
                baselines.add(baselineRate(events, tuning));
            }
            events = null; // the backfill reads its file; the baseline's million records need not stay in memory
            double backfill = backfillRate(base, measured);
            double baseline =
                    baselines.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            System.out.printf(
                    "%nCSV backfill of %,d rows: %,.0f rows/s (%.1f s)%n"
                            + "raw Kafka producer, same events pre-built, producer %s: %,.0f events/s (best of %s)%n"
                            + "backfill / raw producer = %.2f%n%n",
                    ROWS,
                    backfill,
                    ROWS / backfill,
                    tuning,
                    baseline,
                    baselines.stream().map(rate -> String.format("%,.0f", rate)).toList(),
                    backfill / baseline);
        } finally {
            Files.deleteIfExists(warmUp);
            Files.deleteIfExists(measured);
        }
    }

    /** From the upload to the job's completion, through the job API as an integrator uses it. */
    private double backfillRate(String base, Path file) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/backfill?layout=bench"))
                        .header(TestCredentials.API_KEY_HEADER, TestCredentials.ADMIN_KEY)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("the backfill was not accepted: " + accepted.body());
        }
        URI job = URI.create(base + accepted.headers().firstValue("Location").orElseThrow());
        while (true) {
            String body = http.send(
                            HttpRequest.newBuilder(job)
                                    .header(TestCredentials.API_KEY_HEADER, TestCredentials.ADMIN_KEY)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher status = STATUS.matcher(body);
            if (status.find() && !"RUNNING".equals(status.group(1))) {
                if (!"COMPLETED".equals(status.group(1))) {
                    throw new IllegalStateException("the backfill did not complete: " + body);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.println("backfill job: " + body);
                return countOf(file) / seconds;
            }
            Thread.sleep(100); // polling the job API as a client does
        }
    }

    /** The same events, encoded, keyed and with the same CloudEvents headers, sent and acknowledged. */
    private double baselineRate(List<ProducerRecord<String, byte[]>> events, BackfillProperties.Producer tuning)
            throws Exception {
        String topic = "bench.backfill.baseline." + UUID.randomUUID();
        createTopic(topic);
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                BackfillPublisher.producerSettings(brokers, tuning),
                new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
            for (ProducerRecord<String, byte[]> event : events) {
                sends.add(
                        producer.send(new ProducerRecord<>(topic, null, event.key(), event.value(), event.headers())));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        }
        return events.size() / ((System.nanoTime() - start) / 1e9);
    }

    private void createTopic(String topic) throws Exception {
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
    }

    private ConfigurableApplicationContext startCredBridge() throws IOException {
        PostgresTestDatabase.Connection.Settings db = PostgresTestDatabase.newSchema();
        Path data = Files.createTempDirectory("bench-backfill");
        String layout = "--credbridge.ingest.backfill.layouts.bench.";
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
                        "--credbridge.ingest.backfill.spool-directory=" + data.resolve("uploads"),
                        layout + "learner-column=learner",
                        layout + "learner-namespace=" + HOME,
                        layout + "course-column=course",
                        layout + "course-prefix=" + HOME + "/courses/",
                        layout + "type-column=kind",
                        layout + "score-column=score",
                        layout + "max-column=max",
                        layout + "occurred-at-column=when",
                        layout + "occurred-at-format=yyyy-MM-dd HH:mm:ss",
                        "--logging.level.root=WARN"));
    }

    /** Half completions, half grades, each row of its own learner and time. */
    static Path generate(int rows, String prefix) throws IOException {
        Path file = Files.createTempFile("bench-backfill-" + prefix, ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            for (int i = 0; i < rows; i++) {
                out.write("learner-" + prefix + "-" + i + ",BIO-" + (i % 50) + ","
                        + (i % 2 == 0 ? "completion,,," : "grade," + (i % 10) + ",10,") + when(i) + "\n");
            }
        }
        return file;
    }

    /** The events {@link #generate} writes as rows, as the backfill makes them, ready to send. */
    static List<ProducerRecord<String, byte[]>> events(int rows, String prefix) throws IOException {
        List<ProducerRecord<String, byte[]>> events = new ArrayList<>(rows);
        Instant now = Instant.now();
        for (int i = 0; i < rows; i++) {
            String learner = "learner-" + prefix + "-" + i;
            String course = HOME + "/courses/BIO-" + (i % 50);
            boolean grade = i % 2 == 1;
            String id = UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
            LearningEvent event = LearningEvent.newBuilder()
                    .setEventId(id)
                    .setSource("backfill")
                    .setOccurredAt(
                            LocalDateTime.parse(when(i).replace(' ', 'T')).toInstant(ZoneOffset.UTC))
                    .setReceivedAt(now)
                    .setType(grade ? LearningEventType.ASSESSMENT_GRADED : LearningEventType.COURSE_COMPLETED)
                    .setLearnerIds(List.of(new LearnerIdentifier("account", learner, HOME)))
                    .setObjectId(course)
                    .setCourseIds(List.of(course))
                    .setScore(grade ? new Score((double) (i % 10), null, 10.0, null, null) : null)
                    .build();
            RecordHeaders headers = new RecordHeaders();
            CloudEventHeaders.of(id, CloudEventHeaders.LEARNING_EVENT_TYPE, "urn:credbridge:ingest/backfill", now)
                    .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            events.add(new ProducerRecord<>(
                    "unused",
                    null,
                    learner,
                    LearningEvent.getEncoder().encode(event).array(),
                    headers));
        }
        return events;
    }

    private static String when(int i) {
        return String.format("2024-%02d-%02d %02d:%02d:%02d", 1 + i % 12, 1 + i % 28, i % 24, i % 60, (i / 60) % 60);
    }

    private static long countOf(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count() - 1;
        }
    }
}

package io.credbridge.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.CredBridgeApplication;
import io.credbridge.avro.LearningEvent;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backfill job API and the one-off command on the whole application, PostgreSQL and a real broker: a generated
 * file of 100,000 rows is sent once, and imported again sends nothing. The award stage is stopped so that the
 * learning-events topic holds exactly what the backfills sent.
 */
@RequiresPostgres
@Timeout(600)
class BackfillIT {

    static final String TOPIC = "credbridge.learning-events.v1";
    static final int ROWS = Integer.getInteger("backfill.it.rows", 100_000);
    static final String HEADER = "learner,course,kind,score,max,when\n";
    static final ObjectMapper JSON = new ObjectMapper();

    static ConfigurableApplicationContext app;
    static String base;
    static Path spool;

    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        PostgresTestDatabase.Connection.Settings db = PostgresTestDatabase.newSchema();
        spool = Files.createTempDirectory("credbridge-backfill-it");
        List<String> arguments = new ArrayList<>(appArguments(db, spool));
        arguments.add("--logging.level.root=WARN");
        app = new SpringApplicationBuilder(CredBridgeApplication.class)
                .run(TestCredentials.with(arguments.toArray(String[]::new)));
        app.getBean(CamelContext.class).getRouteController().stopRoute("award");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/backfill";
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aGeneratedFileOfAHundredThousandRowsIsSentOnceAndImportedAgainSendsNothing() throws Exception {
        Path file = generate(ROWS, run);

        JsonNode first = completed(post(file, "gradebook", "refuse"));
        assertThat(first.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(counts(first)).containsExactly((long) ROWS, (long) ROWS, (long) ROWS, 0L, 0L);
        assertThat(first.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(first.path("startedBy").asText()).isEqualTo(TestCredentials.ADMIN_NAME);

        JsonNode again = completed(post(file, "gradebook", "refuse"));
        assertThat(counts(again)).containsExactly((long) ROWS, (long) ROWS, 0L, 0L, (long) ROWS);

        List<LearningEvent> sent = eventsOf("learner-" + run + "-");
        assertThat(sent).hasSize(ROWS);
        assertThat(sent.stream().map(LearningEvent::getEventId).distinct()).hasSize(ROWS);
        assertThat(sent.stream().filter(event -> event.getScore() != null)).hasSize(ROWS / 2);
        assertThat(sent.get(0).getSource()).isEqualTo("backfill");
        assertThat(audits(first.path("id").asText())).isEqualTo(1);
        try (var uploads = Files.list(spool.resolve("uploads"))) {
            assertThat(uploads.filter(path -> path.getFileName().toString().startsWith("backfill-")))
                    .as("a completed job's upload is deleted")
                    .isEmpty();
        }
    }

    @Test
    void aFileWithBadRowsIsRefusedListingEveryBadLineAndColumnAndNothingIsSent() throws Exception {
        Path file = Files.writeString(
                Files.createTempFile("bad", ".csv"),
                HEADER + "learner-bad-" + run + "-1,BIO-101,completion,,,2024-03-01 10:00:00\n"
                        + "learner-bad-" + run + "-2,BIO-101,grade,ten,10,2024-03-01 10:00:00\n"
                        + ",BIO-101,completion,,,yesterday\n");

        HttpResponse<String> response = post(file, "gradebook", "refuse");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:credbridge:problem:invalid-backfill-file");
        assertThat(problem.path("detail").asText()).startsWith("2 of 3 row(s) cannot be backfilled");
        assertThat(problem.path("errors").toString())
                .isEqualTo(JSON.readTree("[{\"line\":3,\"column\":\"score\",\"detail\":\"line 3, score: must be a"
                                + " number, was 'ten'\"},"
                                + "{\"line\":3,\"column\":\"score\",\"detail\":\"line 3, score: a grade needs"
                                + " a score, a scaled score or passed\"},"
                                + "{\"line\":4,\"column\":\"learner\",\"detail\":\"line 4, learner: is"
                                + " required\"},"
                                + "{\"line\":4,\"column\":\"when\",\"detail\":\"line 4, when: is not a time"
                                + " in the layout's format yyyy-MM-dd HH:mm:ss: 'yesterday'\"}]")
                        .toString());
        assertThat(eventsOf("learner-bad-" + run + "-")).isEmpty();
    }

    @Test
    void skippedRowsAreCountedAsRejectedAndListedOnTheJob() throws Exception {
        Path file = Files.writeString(
                Files.createTempFile("skip", ".csv"),
                HEADER + "learner-skip-" + run + "-1,BIO-101,completion,,,2024-03-01 10:00:00\n" + "learner-skip-" + run
                        + "-2,BIO-101,finished,,,2024-03-01 10:00:00\n");

        JsonNode job = completed(post(file, "gradebook", "skip"));

        assertThat(counts(job)).containsExactly(2L, 2L, 1L, 1L, 0L);
        assertThat(job.path("problems").get(0).path("line").asLong()).isEqualTo(3);
        assertThat(job.path("problems").get(0).path("column").asText()).isEqualTo("kind");
        assertThat(eventsOf("learner-skip-" + run + "-")).hasSize(1);

        String deadLetterUri = base.replace("/api/backfill", "/api/dead-letters/")
                + RejectedRows.idOf(job.path("id").asText(), 3);
        JsonNode deadLetter = JSON.readTree(get(deadLetterUri).body());
        assertThat(deadLetter.path("stage").asText()).isEqualTo("ingest");
        assertThat(deadLetter.path("source").asText()).isEqualTo("backfill");
        assertThat(deadLetter.path("originKey").asText()).isEqualTo("line 3");
        assertThat(deadLetter.path("originTopic").asText())
                .contains(job.path("id").asText())
                .contains("grades.csv");
        assertThat(deadLetter.path("reason").asText()).startsWith("line 3, kind: ");
        JsonNode row = JSON.readTree(deadLetter.path("payloadText").asText());
        assertThat(row.path("layout").asText()).isEqualTo("gradebook");
        assertThat(row.path("row").get(2).asText()).isEqualTo("finished");
        HttpResponse<String> replay = postEmpty(deadLetterUri + "/replay");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(422);
        assertThat(JSON.readTree(replay.body()).path("detail").asText()).contains("line 3, kind");
    }

    @Test
    void uploadsOfFailedJobsAreDeletedOnceOlderThanTheRetentionAndNewerOnesKeptToBeRunAgain() throws Exception {
        Path uploads = Files.createDirectories(spool.resolve("uploads"));
        Path old = Files.writeString(uploads.resolve("backfill-old-" + run + ".csv"), HEADER);
        Path recent = Files.writeString(uploads.resolve("backfill-recent-" + run + ".csv"), HEADER);
        Path abandoned = Files.writeString(uploads.resolve("backfill-abandoned-" + run + ".csv"), HEADER);
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        String oldJob = failedJob(old, Instant.now().minus(Duration.ofDays(8)));
        String recentJob = failedJob(recent, Instant.now().minus(Duration.ofDays(1)));

        try {
            assertThat(app.getBean(BackfillSpool.class).sweep()).isGreaterThanOrEqualTo(2);
            assertSwept(old, abandoned, recent, oldJob, recentJob);
        } finally {
            // Other tests expect the spool directory empty once their jobs completed.
            Files.deleteIfExists(recent);
        }
    }

    private void assertSwept(Path old, Path abandoned, Path recent, String oldJob, String recentJob) throws Exception {

        assertThat(old).doesNotExist();
        assertThat(abandoned).doesNotExist();
        assertThat(recent).exists();
        assertThat(spoolFileOf(oldJob)).isNull();
        assertThat(spoolFileOf(recentJob)).isEqualTo(recent.toString());
        HttpResponse<String> rerun = postEmpty(base + "/" + oldJob + "/rerun");
        assertThat(rerun.statusCode()).isEqualTo(409);
        assertThat(rerun.body()).contains("no longer kept");
    }

    private String failedJob(Path spooled, Instant finished) {
        String id = UUID.randomUUID().toString();
        Timestamp at = Timestamp.from(finished);
        app.getBean(JdbcTemplate.class)
                .update(
                        "insert into backfill_job (job_id, layout, file_name, spool_file, status, total_rows,"
                                + " rows_read, events_sent, rejected, duplicates, started_by, started_at, updated_at,"
                                + " finished_at, error) values (?, 'gradebook', 'grades.csv', ?, 'FAILED', 1, 0, 0, 0,"
                                + " 0, 'x', ?, ?, ?, 'Kafka went away')",
                        id,
                        spooled.toString(),
                        at,
                        at,
                        at);
        return id;
    }

    private static String spoolFileOf(String jobId) {
        return app.getBean(JdbcTemplate.class)
                .queryForObject("select spool_file from backfill_job where job_id = ?", String.class, jobId);
    }

    @Test
    void aJobWhoseProcessStoppedIsShownInterruptedAndItsRerunSendsOnlyWhatWasNotSent() throws Exception {
        Path file = generate(1000, "crash-" + run);
        // What a crash after the first batch leaves: a RUNNING job that stopped moving, its upload still spooled,
        // and the first rows' events sent and recorded.
        Path spooled = Files.copy(file, spool.resolve("uploads").resolve("backfill-crashed-" + run + ".csv"));
        String id = UUID.randomUUID().toString();
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        jdbc.update(
                "insert into backfill_job (job_id, layout, file_name, spool_file, status, total_rows, rows_read,"
                        + " events_sent, rejected, duplicates, started_by, started_at, updated_at)"
                        + " values (?, 'gradebook', 'grades.csv', ?, 'RUNNING', 1000, 400, 400, 0, 0, 'x', ?, ?)",
                id,
                spooled.toString(),
                longAgo,
                longAgo);
        Backfills backfills = app.getBean(Backfills.class);
        Path firstRows = Files.writeString(
                Files.createTempFile("first", ".csv"),
                String.join("\n", Files.readAllLines(file).subList(0, 401)) + "\n");
        BackfillJob sentBefore =
                backfills.start(firstRows, false, "gradebook", "first rows", Backfills.OnInvalid.REFUSE, null);
        backfills.run(sentBefore, firstRows, (job, counts) -> {});

        JsonNode interrupted = JSON.readTree(get(base + "/" + id).body());
        assertThat(interrupted.path("status").asText()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.path("rowsRead").asLong()).isEqualTo(400);

        HttpResponse<String> rerun = postEmpty(base + "/" + id + "/rerun");
        assertThat(rerun.statusCode()).isEqualTo(202);
        JsonNode done = completed(rerun);
        assertThat(done.path("rerunOf").asText()).isEqualTo(id);
        assertThat(counts(done)).containsExactly(1000L, 1000L, 600L, 0L, 400L);
        assertThat(eventsOf("learner-crash-" + run + "-")).hasSize(1000);
        assertThat(spooled)
                .as("the upload is deleted once a run of it completed")
                .doesNotExist();
        assertThat(spoolFileOf(id)).as("the interrupted job no longer names it").isNull();
    }

    @Test
    void theCommandLineDrawsAProgressBarAndExitsZeroOrOneListingBadLines() throws Exception {
        Path good = generate(12_000, "cli-" + run);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BackfillCommandLine command = command(good, console);

        command.run(null);

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(command.getExitCode()).isZero();
        assertThat(printed)
                .contains("]  41% 5000/12000 rows")
                .contains("[########################################] 100% 12000/12000 rows, 12000 sent")
                .contains("COMPLETED: 12000 row(s) read, 12000 event(s) sent, 0 duplicate(s), 0 rejected");
        assertThat(eventsOf("learner-cli-" + run + "-")).hasSize(12_000);

        Path bad = Files.writeString(
                Files.createTempFile("cli-bad", ".csv"), HEADER + "a,b,grade,,,2024-01-01 00:00:00\n");
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        BackfillCommandLine failing = command(bad, refused);
        failing.run(null);
        assertThat(failing.getExitCode()).isEqualTo(1);
        assertThat(refused.toString(StandardCharsets.UTF_8))
                .contains("line 2, score: a grade needs a score, a scaled score or passed");
    }

    /** The one-off command as {@code --credbridge.backfill.file=... --credbridge.backfill.layout=gradebook} runs it. */
    private static BackfillCommandLine command(Path file, ByteArrayOutputStream console) {
        return new BackfillCommandLine(
                app.getBean(Backfills.class),
                app,
                file,
                "gradebook",
                "refuse",
                false,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    /** The app on the test broker and a PostgreSQL schema of its own, with the {@code gradebook} layout of {@link #HEADER}. */
    static List<String> appArguments(PostgresTestDatabase.Connection.Settings db, Path dir) {
        String layout = "--credbridge.ingest.backfill.layouts.gradebook.";
        return List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.flyway.schemas=" + db.schema(),
                "--credbridge.embedded-kafka.enabled=false",
                "--camel.component.kafka.brokers=" + TestKafkaBroker.bootstrapServers(),
                "--credbridge.transcript.csv.directory=" + dir.resolve("sis"),
                "--credbridge.ingest.backfill.spool-directory=" + dir.resolve("uploads"),
                layout + "learner-column=learner",
                layout + "learner-namespace=https://lms.example.edu",
                layout + "course-column=course",
                layout + "course-prefix=https://lms.example.edu/courses/",
                layout + "type-column=kind",
                layout + "score-column=score",
                layout + "max-column=max",
                layout + "occurred-at-column=when",
                layout + "occurred-at-format=yyyy-MM-dd HH:mm:ss",
                layout + "occurred-at-zone=America/New_York");
    }

    /** Half completions, half grades, each of its own learner and time. */
    static Path generate(int rows, String prefix) throws IOException {
        Path file = Files.createTempFile("backfill-" + prefix, ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            for (int i = 0; i < rows; i++) {
                String when = String.format(
                        "2024-%02d-%02d %02d:%02d:%02d", 1 + i % 12, 1 + i % 28, i % 24, i % 60, (i / 60) % 60);
                if (i % 2 == 0) {
                    out.write("learner-" + prefix + "-" + i + ",BIO-" + (i % 50) + ",completion,,," + when + "\n");
                } else {
                    out.write("learner-" + prefix + "-" + i + ",BIO-" + (i % 50) + ",grade," + (i % 10) + ",10," + when
                            + "\n");
                }
            }
        }
        return file;
    }

    private HttpResponse<String> post(Path file, String layout, String invalid) throws Exception {
        return http.send(
                authorized(HttpRequest.newBuilder(
                                URI.create(base + "?layout=" + layout + "&invalid=" + invalid + "&name=grades.csv")))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postEmpty(String uri) throws Exception {
        return http.send(
                authorized(HttpRequest.newBuilder(URI.create(uri)))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(
                authorized(HttpRequest.newBuilder(URI.create(uri))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header(TestCredentials.API_KEY_HEADER, TestCredentials.ADMIN_KEY);
    }

    /** Follows the 202's Location until the job has ended. */
    private JsonNode completed(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(JSON.readTree(accepted.body()).path("status").asText()).isEqualTo("RUNNING");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = JSON.readTree(
                    get(base.replace("/api/backfill", "") + location).body());
            if (!"RUNNING".equals(job.path("status").asText())) {
                return job;
            }
            Thread.sleep(200); // polling the job API as a client does
        }
        throw new AssertionError("the backfill job did not end in 5 minutes: " + location);
    }

    /** totalRows, rowsRead, eventsSent, rejected, duplicates. */
    private static List<Long> counts(JsonNode job) {
        return List.of(
                job.path("totalRows").asLong(),
                job.path("rowsRead").asLong(),
                job.path("eventsSent").asLong(),
                job.path("rejected").asLong(),
                job.path("duplicates").asLong());
    }

    private static int audits(String jobId) {
        return app.getBean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from admin_audit where action = 'backfill.start' and target = ?",
                        Integer.class,
                        "backfill job " + jobId);
    }

    /** Every learning event on the topic whose learner id starts with the prefix. */
    static List<LearningEvent> eventsOf(String learnerPrefix) throws Exception {
        List<LearningEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafkaBroker.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            Set<TopicPartition> done = new HashSet<>();
            ends.forEach((partition, end) -> {
                if (end == 0) {
                    done.add(partition);
                }
            });
            while (done.size() < partitions.size()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() + 1 >= ends.get(partition)) {
                        done.add(partition);
                    }
                    LearningEvent event = LearningEvent.getDecoder().decode(record.value());
                    if (!event.getLearnerIds().isEmpty()
                            && event.getLearnerIds().get(0).getValue().startsWith(learnerPrefix)) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }
}

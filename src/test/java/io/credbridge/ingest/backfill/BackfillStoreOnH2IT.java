package io.credbridge.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.avro.LearningEvent;
import io.credbridge.identity.IdentityProperties;
import io.credbridge.identity.LearnerIdentityResolver;
import io.credbridge.ingest.LearningEventRecords;
import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.kafka.KafkaClientProperties;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backfill's tables on H2 (the embedded default): jobs and their progress, and the ids already sent. */
class BackfillStoreOnH2IT {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    MigratedDatabase database;
    BackfillJobs jobs;
    BackfillPublisher publisher;

    @BeforeEach
    void migrated() {
        database = MigratedDatabase.of(H2TestDatabase.newDataSource());
        BackfillProperties properties = new BackfillProperties(
                Map.of(),
                5000,
                1000,
                Duration.ofMinutes(2),
                Path.of("unused"),
                Duration.ofDays(7),
                new BackfillProperties.Producer(10, 262144, "lz4"));
        jobs = new BackfillJobs(database.jdbc(), properties);
        publisher = new BackfillPublisher(
                database.jdbc(),
                database.transactions(),
                new LearningEventRecords(
                        new LearnerIdentityResolver(new IdentityProperties(List.of("account", "mbox"))),
                        new CloudEventsProperties("https://credbridge.example.edu")),
                KafkaClientProperties.none(),
                properties,
                "localhost:9092",
                "credbridge.learning-events.v1");
    }

    @Test
    void aJobsProgressIsReadBackAndOneThatStoppedMovingIsInterrupted() {
        jobs.start(job("j1"));
        jobs.progress("j1", new BackfillJobs.Counts(10, 8, 1, 1), NOW.plusSeconds(5));
        jobs.listProblems("j1", List.of(new LineProblem(7, "Score", "must be a number, was 'x'")));

        BackfillJob running = jobs.find("j1", NOW.plusSeconds(60)).orElseThrow();
        assertThat(running.status()).isEqualTo(BackfillJob.Status.RUNNING);
        assertThat(List.of(running.rowsRead(), running.eventsSent(), running.rejected(), running.duplicates()))
                .containsExactly(10L, 8L, 1L, 1L);
        assertThat(running.progress()).isEqualTo(0.5);
        assertThat(jobs.problems("j1", 10)).containsExactly(new LineProblem(7, "Score", "must be a number, was 'x'"));
        assertThat(jobs.find("j1", NOW.plusSeconds(5 + 121)).orElseThrow().status())
                .isEqualTo(BackfillJob.Status.INTERRUPTED);

        assertThat(jobs.markInterrupted(NOW.plusSeconds(60))).isZero();
        assertThat(jobs.markInterrupted(NOW.plusSeconds(5 + 121))).isEqualTo(1);
        assertThat(jobs.find("j1", NOW).orElseThrow().status()).isEqualTo(BackfillJob.Status.INTERRUPTED);
    }

    @Test
    void anEventSentOnceIsADuplicateAfterwardsAndNotSentAgain() {
        List<LearningEvent> events = events("a,c,2024-01-01\nb,c,2024-01-01\na,c,2024-01-01\n");
        MockProducer<String, byte[]> producer = producer();

        assertThat(publisher.publish(producer, events))
                .as("the third row repeats the first")
                .isEqualTo(1);
        assertThat(producer.history()).hasSize(2);
        assertThat(producer.history().get(0).headers().lastHeader("ce_id").value())
                .isEqualTo(events.get(0).getEventId().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(publisher.publish(producer, events)).isEqualTo(3);
        assertThat(producer.history()).hasSize(2);
    }

    @Test
    void aBatchKafkaDidNotTakeIsNotRecordedSoARerunSendsIt() {
        List<LearningEvent> events = events("a,c,2024-01-01\nb,c,2024-01-01\n");
        MockProducer<String, byte[]> failing = producer();
        failing.sendException = new KafkaException("broker gone");

        assertThatThrownBy(() -> publisher.publish(failing, events)).hasMessageContaining("broker gone");

        MockProducer<String, byte[]> working = producer();
        assertThat(publisher.publish(working, events)).isZero();
        assertThat(working.history()).hasSize(2);
    }

    private static MockProducer<String, byte[]> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static List<LearningEvent> events(String rows) {
        return BackfillRowsTest.read("learner,course,at\n" + rows, BackfillRowsTest.completions(null)).stream()
                .map(BackfillRows.Row::event)
                .toList();
    }

    private static BackfillJob job(String id) {
        return new BackfillJob(
                id, "l", "f.csv", null, BackfillJob.Status.RUNNING, 20, 0, 0, 0, 0, "me", NOW, NOW, null, null, null);
    }
}

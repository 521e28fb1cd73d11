package io.credbridge.transcript.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.transcript.ReviewQueueFixture;
import io.credbridge.transcript.TransientSisFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash between the upload of an import file (to a real in-process SFTP server) and the outbox update, with the
 * outbox and the file records on PostgreSQL: the redelivered entries go out in the file recorded before the upload,
 * never in a second file a SIS import would load again.
 */
@RequiresPostgres
@Timeout(60)
class FileRedeliveryIT {

    @TempDir
    Path serverRoot;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private SftpServerDouble server;
    private SftpDrop drop;
    private ReviewQueueFixture queue;

    @BeforeEach
    void setUp() throws Exception {
        server = SftpServerDouble.start(serverRoot);
        drop = server.dropInto("inbound");
        MigratedDatabase database = MigratedDatabase.of(PostgresTestDatabase.newSchemaDataSource());
        queue = ReviewQueueFixture.of(
                database,
                new FileTranscriptWriter(
                        new CsvLayout(), drop, "transcript", false, AcknowledgementFilesIT.uploads(database), clock),
                clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        drop.close();
        server.close();
    }

    @Test
    void aBatchUploadedJustBeforeACrashIsNotUploadedAgainAsASecondFile() throws Exception {
        queue.enqueue(
                ReviewQueueFixture.change("a-1", "ISSUED", "auto"), ReviewQueueFixture.change("a-2", "ISSUED", "auto"));

        assertThat(queue.relayButCrashBeforeTheOutboxUpdate()).isEqualTo(2);
        List<String> uploaded = uploads();
        assertThat(uploaded).hasSize(1);
        assertThat(queue.pendingForSis())
                .as("the outbox never heard of the upload")
                .isEqualTo(2);

        clock.advance(Duration.ofMinutes(5));
        queue.relay();

        assertThat(uploads()).as("the same file, not a second one").isEqualTo(uploaded);
        assertThat(awardIdsIn(uploaded.get(0))).containsExactly("a-1", "a-2");
        assertThat(queue.pendingForSis()).isZero();
        assertThat(queue.sisRecordIds("a-1/ISSUED", "a-2/ISSUED"))
                .containsEntry("a-1/ISSUED", uploaded.get(0) + "#1")
                .containsEntry("a-2/ISSUED", uploaded.get(0) + "#2");
    }

    @Test
    void entriesRedeliveredBesideNewOnesStayInTheirFirstFileAndOnlyTheNewOnesGoInASecond() throws Exception {
        queue.enqueue(
                ReviewQueueFixture.change("a-1", "ISSUED", "auto"), ReviewQueueFixture.change("a-2", "ISSUED", "auto"));
        queue.relayButCrashBeforeTheOutboxUpdate();
        String first = uploads().get(0);

        clock.advance(Duration.ofMinutes(5));
        queue.enqueue(ReviewQueueFixture.change("a-3", "ISSUED", "auto"));
        queue.relay();

        List<String> files = uploads();
        assertThat(files).hasSize(2).startsWith(first);
        assertThat(awardIdsIn(first)).containsExactly("a-1", "a-2");
        assertThat(awardIdsIn(files.get(1))).containsExactly("a-3");
        assertThat(queue.pendingForSis()).isZero();
    }

    @Test
    void aFileAnUploadFailureKeptFromTheServerGoesOutUnderItsRecordedNameWhenRetried() throws Exception {
        queue.enqueue(ReviewQueueFixture.change("a-1", "ISSUED", "auto"));
        server.dropConnectionAfterWrites(1);

        assertThatThrownBy(queue::relay).hasCauseInstanceOf(TransientSisFailure.class);
        assertThat(uploads()).as("nothing under a name an import job picks up").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        queue.relay();

        assertThat(uploads())
                .singleElement()
                .satisfies(name -> assertThat(name).startsWith("transcript-20261130T090000000Z-"));
        assertThat(queue.pendingForSis()).isZero();
    }

    /** The files an import job would pick up (not the hidden temporary ones). */
    private List<String> uploads() throws Exception {
        return server.fileNames("inbound").stream()
                .filter(name -> !name.startsWith("."))
                .toList();
    }

    private List<String> awardIdsIn(String name) throws Exception {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(serverRoot.resolve("inbound").resolve(name)))
                .getRecords()
                .stream()
                .map(row -> row.get("award_id"))
                .toList();
    }
}

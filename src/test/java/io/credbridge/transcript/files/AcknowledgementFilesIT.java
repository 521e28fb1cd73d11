package io.credbridge.transcript.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.transcript.ReviewQueueFixture;
import io.credbridge.transcript.ReviewStatus;
import io.credbridge.transcript.ReviewedEntry;
import io.credbridge.transcript.TranscriptAcknowledgements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIS that loads import files later: files go over SFTP (a real in-process server), its acknowledgement files
 * come back from the same server, and the review queue and ledger live on PostgreSQL.
 */
@RequiresPostgres
@Timeout(60)
class AcknowledgementFilesIT {

    static final String ACK_HEADER = "award_id,action,status,code,message\r\n";

    @TempDir
    Path serverRoot;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private SftpServerDouble server;
    private SftpDrop drop;
    private ReviewQueueFixture queue;
    private FileAcknowledgements inbox;

    @BeforeEach
    void setUp() throws Exception {
        server = SftpServerDouble.start(serverRoot);
        drop = server.dropInto("inbound");
        FileSettings.Acknowledgements acks = new FileSettings.Acknowledgements(
                "acks",
                "*.ack.csv",
                new FileSettings.Columns("award_id", "action", "status", "message", "code"),
                List.of("ACCEPTED"),
                List.of("REJECTED"));
        MigratedDatabase database = MigratedDatabase.of(PostgresTestDatabase.newSchemaDataSource());
        queue = ReviewQueueFixture.of(
                database,
                new FileTranscriptWriter(new CsvLayout(), drop, "transcript", true, uploads(database), clock),
                clock);
        inbox = new FileAcknowledgements(drop, acks);
    }

    @AfterEach
    void tearDown() throws Exception {
        drop.close();
        server.close();
    }

    @Test
    void aPartlyRejectedBatchPutsTheRejectedRecordInTheReviewQueueWithTheSisMessageAndMarksTheOthersWritten()
            throws Exception {
        queue.deliver(
                ReviewQueueFixture.change("a-1", "ISSUED", "auto"),
                ReviewQueueFixture.change("a-2", "ISSUED", "auto"),
                ReviewQueueFixture.change("a-3", "ISSUED", "auto"));
        assertThat(uploadedAwardIds()).containsExactly("a-1", "a-2", "a-3");
        assertThat(queue.acknowledged("SENT")).isEqualTo(3);

        acknowledge(
                "batch-1.ack.csv",
                "a-1,ISSUED,ACCEPTED,,\r\n"
                        + "a-2,ISSUED,REJECTED,SRCH.NOMATCH,\"No person matches EMPLID S0001, search/match found none\"\r\n"
                        + "a-3,ISSUED,ACCEPTED,,\r\n");
        poll();

        ReviewedEntry failed = onlyEntry(ReviewStatus.FAILED);
        assertThat(failed.awardId()).isEqualTo("a-2");
        assertThat(failed.sisMessage()).isEqualTo("No person matches EMPLID S0001, search/match found none");
        assertThat(failed.note()).contains("SRCH.NOMATCH");
        assertThat(queue.acknowledged("WRITTEN")).isEqualTo(2);
        assertThat(queue.acknowledged("REJECTED")).isEqualTo(1);
        assertThat(queue.acknowledged("SENT")).isZero();
        assertThat(queue.review().list(null, 10))
                .as("written entries of credentials transcripted automatically leave no trace in the queue")
                .hasSize(1);
    }

    @Test
    void anAcknowledgementFileReadAgainChangesNothing() throws Exception {
        queue.deliver(
                ReviewQueueFixture.change("a-1", "ISSUED", "auto"), ReviewQueueFixture.change("a-2", "ISSUED", "auto"));
        acknowledge("batch-1.ack.csv", "a-1,ISSUED,ACCEPTED,,\r\na-2,ISSUED,REJECTED,,Unknown student\r\n");
        poll();
        ReviewedEntry failed = onlyEntry(ReviewStatus.FAILED);

        clock.advance(Duration.ofMinutes(5));
        poll();
        TranscriptAcknowledgements.Outcome again = queue.acknowledgements()
                .apply("batch-1.ack.csv", ContentHash.of(Files.readAllBytes(ackFile("batch-1.ack.csv"))), List.of());

        assertThat(again.alreadyApplied()).isTrue();
        assertThat(queue.review().history(failed.entryId())).hasSize(1);
        assertThat(queue.review().find(failed.entryId()).updatedAt()).isEqualTo(failed.updatedAt());
        assertThat(queue.acknowledged("WRITTEN")).isEqualTo(1);
        assertThat(queue.acknowledged("REJECTED")).isEqualTo(1);
    }

    @Test
    void aRejectedRecordResubmittedByTheRegistrarGoesInTheNextFileAndIsWrittenWhenAccepted() throws Exception {
        queue.deliver(ReviewQueueFixture.change("a-1", "ISSUED", "auto"));
        acknowledge("batch-1.ack.csv", "a-1,ISSUED,REJECTED,,Missing milestone code\r\n");
        poll();
        ReviewedEntry failed = onlyEntry(ReviewStatus.FAILED);

        clock.advance(Duration.ofMinutes(1));
        queue.review().approve(failed.entryId(), "registrar.jane");
        queue.relay();

        assertThat(server.fileNames("inbound")).hasSize(2);
        assertThat(queue.review().find(failed.entryId()).status())
                .as("approved and sent, but not written until the SIS says so")
                .isEqualTo(ReviewStatus.APPROVED);
        acknowledge("batch-2.ack.csv", "a-1,ISSUED,ACCEPTED,,\r\n");
        poll();
        assertThat(queue.review().find(failed.entryId()).status()).isEqualTo(ReviewStatus.WRITTEN);
    }

    static FileUploads uploads(MigratedDatabase database) {
        return new FileUploads(database.jdbc(), database.transactions().getTransactionManager());
    }

    private void poll() {
        inbox.collect(queue.acknowledgements());
    }

    private ReviewedEntry onlyEntry(ReviewStatus status) {
        List<ReviewedEntry> found = queue.review().list(status, 10);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void acknowledge(String name, String rows) throws Exception {
        Files.createDirectories(serverRoot.resolve("acks"));
        Files.writeString(ackFile(name), ACK_HEADER + rows, StandardCharsets.UTF_8);
    }

    private Path ackFile(String name) {
        return serverRoot.resolve("acks").resolve(name);
    }

    private List<String> uploadedAwardIds() throws Exception {
        List<String> names = server.fileNames("inbound");
        assertThat(names).hasSize(1);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(serverRoot.resolve("inbound").resolve(names.get(0))))
                .getRecords();
        return rows.stream().map(row -> row.get("award_id")).toList();
    }
}

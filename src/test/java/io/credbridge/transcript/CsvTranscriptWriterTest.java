package io.credbridge.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.transcript.TranscriptEntry.Action;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTranscriptWriterTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void writesAHeaderAndOneRowPerEntryToTodaysFile() throws Exception {
        CsvTranscriptWriter writer = writer();

        List<WrittenEntry> written = writer.write(List.of(entry("award-1", "Data, Analysis \"101\"")));

        assertThat(written)
                .singleElement()
                .satisfies(each -> assertThat(each.sisRecordId())
                        .as("a daily file's row is found by its award id and action")
                        .isNull());
        assertThat(writer.todaysFile()).isEqualTo(dir.resolve("transcript-2026-11-22.csv"));
        List<CSVRecord> rows = read(writer.todaysFile());
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("award_id")).isEqualTo("award-1");
        assertThat(row.get("action")).isEqualTo("ISSUED");
        assertThat(row.get("learner_id")).isEqualTo("alice");
        assertThat(row.get("credential_id")).isEqualTo("data-analysis");
        assertThat(row.get("credential_version")).isEqualTo("3");
        assertThat(row.get("credential_name")).isEqualTo("Data, Analysis \"101\"");
        assertThat(row.get("earned_at")).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(row.get("awarded_at")).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(row.get("evidence_event_ids")).isEqualTo("e1;e2");
        assertThat(Files.readString(writer.todaysFile()))
                .startsWith(String.join(",", CsvTranscriptWriter.COLUMNS) + "\r\n");
    }

    @Test
    void writingTheSameAwardAgainIsANoOpEvenForANewWriterOverTheSameDirectory() throws Exception {
        writer().write(List.of(entry("award-1", "A")));

        List<WrittenEntry> again = writer().write(List.of(entry("award-1", "A"), entry("award-2", "B")));

        assertThat(again).extracting(each -> each.entry().awardId()).containsExactly("award-2");
        assertThat(read(writer().todaysFile()))
                .extracting(row -> row.get("award_id"))
                .containsExactly("award-1", "award-2");
    }

    /**
     * Two instances writing to one directory: the one that read the files first must still see what the other
     * appended since, or it writes the other's entry again when it redelivers that instance's batch.
     */
    @Test
    void anEntryAnotherWriterAppendedSinceIsNotWrittenAgain() throws Exception {
        CsvTranscriptWriter survivor = writer();
        CsvTranscriptWriter killed = writer();
        survivor.write(List.of(entry("award-1", "A")));
        killed.write(List.of(entry("award-2", "B")));

        List<WrittenEntry> redelivered = survivor.write(List.of(entry("award-2", "B"), entry("award-3", "C")));

        assertThat(redelivered).extracting(each -> each.entry().awardId()).containsExactly("award-3");
        assertThat(read(survivor.todaysFile()))
                .extracting(row -> row.get("award_id"))
                .containsExactly("award-1", "award-2", "award-3");
    }

    @Test
    void aDuplicateWithinOneBatchIsWrittenOnce() throws Exception {
        List<WrittenEntry> written = writer().write(List.of(entry("award-1", "A"), entry("award-1", "A")));

        assertThat(written).hasSize(1);
        assertThat(read(writer().todaysFile())).hasSize(1);
    }

    @Test
    void aTornLastLineFromACrashIsCutAndItsEntryWrittenWholeOnRedelivery() throws Exception {
        CsvTranscriptWriter before = writer();
        before.write(List.of(entry("award-1", "A")));
        Files.writeString(before.todaysFile(), "award-2,ISS", java.nio.file.StandardOpenOption.APPEND);

        writer().write(List.of(entry("award-2", "B")));

        assertThat(read(before.todaysFile()))
                .extracting(row -> row.get("award_id") + "/" + row.get("action"))
                .containsExactly("award-1/ISSUED", "award-2/ISSUED");
    }

    @Test
    void writesNothingWhenEveryEntryIsAlreadyThere() throws Exception {
        writer().write(List.of(entry("award-1", "A")));
        long size = Files.size(writer().todaysFile());

        assertThat(writer().write(List.of(entry("award-1", "A")))).isEmpty();
        assertThat(Files.size(writer().todaysFile())).isEqualTo(size);
    }

    private CsvTranscriptWriter writer() {
        return new CsvTranscriptWriter(new CsvTranscriptProperties(dir, "transcript"), clock);
    }

    private static TranscriptEntry entry(String awardId, String credentialName) {
        return new TranscriptEntry(
                awardId,
                Action.ISSUED,
                "alice",
                "data-analysis",
                3,
                credentialName,
                "badge",
                "https://credentials.example.edu",
                "Example University",
                Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-21T10:00:00Z"),
                List.of("e1", "e2"),
                "xapi",
                "S0001");
    }

    static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }
}

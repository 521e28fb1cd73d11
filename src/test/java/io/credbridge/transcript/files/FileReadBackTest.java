package io.credbridge.transcript.files;

import static io.credbridge.transcript.SampleEntries.entry;
import static io.credbridge.transcript.SampleEntries.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.credbridge.transcript.Discrepancy;
import io.credbridge.transcript.ExpectedTranscript;
import io.credbridge.transcript.TranscriptEntry.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReadBackTest {

    @TempDir
    Path root;

    @Test
    void theAcknowledgementFilesTellWhatTheSisLoadedRejectedLoadedTwiceOrLoadedWithoutCause() throws Exception {
        acknowledge(
                "batch-1.ack.csv",
                "a-1,ISSUED,ACCEPTED,,\r\n" + "a-2,ISSUED,REJECTED,SRCH.NOMATCH,No person matches S0001\r\n"
                        + "a-3,ISSUED,ACCEPTED,,\r\n" + "a-5,ISSUED,ACCEPTED,,\r\n" + "z-9,ISSUED,ACCEPTED,,\r\n");
        acknowledge("batch-2.ack.csv", "a-3,ISSUED,ACCEPTED,,\r\n" + "a-1,REVOKED,ACCEPTED,,\r\n");
        ExpectedTranscript alice = new ExpectedTranscript(
                "alice",
                "S0001",
                List.of(issued("a-1"), entry("a-1", Action.REVOKED), issued("a-2"), issued("a-3"), issued("a-4")),
                Set.of("a-1", "a-2", "a-3", "a-4", "a-5"));

        List<Discrepancy> found = readBack().compare(List.of(alice));

        assertThat(found)
                .extracting(Discrepancy::kind, Discrepancy::awardId)
                .containsExactlyInAnyOrder(
                        tuple(Discrepancy.Kind.MISSING, "a-2"),
                        tuple(Discrepancy.Kind.EXTRA, "a-3"),
                        tuple(Discrepancy.Kind.MISSING, "a-4"),
                        tuple(Discrepancy.Kind.EXTRA, "a-5"));
        assertThat(reason(found, "a-2")).contains("rejected it in batch-1.ack.csv: No person matches S0001");
        assertThat(reason(found, "a-3")).contains("more than once, in batch-1.ack.csv, batch-2.ack.csv");
        assertThat(reason(found, "a-4")).contains("no acknowledgement file names it");
        assertThat(reason(found, "a-5")).contains("expects no record");
    }

    private static String reason(List<Discrepancy> found, String awardId) {
        return found.stream()
                .filter(each -> each.awardId().equals(awardId))
                .findFirst()
                .orElseThrow()
                .reason();
    }

    private void acknowledge(String name, String rows) throws Exception {
        Files.createDirectories(root.resolve("acks"));
        Files.writeString(root.resolve("acks").resolve(name), AcknowledgementFilesIT.ACK_HEADER + rows);
    }

    private FileReadBack readBack() {
        return new FileReadBack(
                new DirectoryDrop(root.resolve("inbound")),
                new FileSettings.Acknowledgements(
                        root.resolve("acks").toString(),
                        "*.ack.csv",
                        new FileSettings.Columns("award_id", "action", "status", "message", "code"),
                        List.of("ACCEPTED"),
                        List.of("REJECTED")));
    }
}

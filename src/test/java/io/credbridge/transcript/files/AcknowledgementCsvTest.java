package io.credbridge.transcript.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.transcript.Acknowledgement;
import io.credbridge.transcript.TranscriptEntry.Action;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcknowledgementCsvTest {

    private static final AcknowledgementCsv DEFAULTS = new AcknowledgementCsv(new FileSettings.Acknowledgements(
            "acks",
            "*.ack.csv",
            new FileSettings.Columns("award_id", "action", "status", "message", "code"),
            List.of("ACCEPTED"),
            List.of("REJECTED")));

    @Test
    void readsAcceptedAndRejectedRecordsByTheConfiguredColumnsAndStatusValues() {
        AcknowledgementCsv csv = new AcknowledgementCsv(new FileSettings.Acknowledgements(
                "acks",
                "*.csv",
                new FileSettings.Columns("EXT_KEY", "ACTION", "RESULT", "MSG", "MSG_ID"),
                List.of("S", "OK"),
                List.of("E")));

        List<Acknowledgement> records = csv.read(
                "run-7.csv",
                ("\uFEFFEXT_KEY,ACTION,RESULT,MSG\r\na-1,issued,s,\r\na-2,REVOKED,E,Term closed\r\n")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(records)
                .containsExactly(
                        new Acknowledgement("a-1", Action.ISSUED, true, null, null),
                        new Acknowledgement("a-2", Action.REVOKED, false, null, "Term closed"));
    }

    @Test
    void aStatusThatIsNeitherAcceptedNorRejectedFailsTheFileNamingTheLineAndTheSettings() {
        assertThatThrownBy(() -> DEFAULTS.read(
                        "run-8.ack.csv",
                        "award_id,action,status\r\na-1,ISSUED,ACCEPTED\r\na-2,ISSUED,PENDING\r\n"
                                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("run-8.ack.csv line 2")
                .hasMessageContaining("status 'PENDING'")
                .hasMessageContaining("credbridge.transcript.files.acknowledgements.accepted-values");
    }

    @Test
    void aFileWithoutAConfiguredColumnFailsSayingWhichColumnsItHas() {
        assertThatThrownBy(() -> DEFAULTS.read("x.csv", "id,result\r\na-1,OK\r\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("has no column award_id")
                .hasMessageContaining("[id, result]");
    }
}

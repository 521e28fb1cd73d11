package io.credbridge.transcript.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.transcript.SampleEntries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLayoutTest {

    @Test
    void aBatchFileIsTheHeaderAndRowsTheCsvTargetHasAlwaysWrittenByteForByte() {
        byte[] file = new CsvLayout().render("b-1", List.of(SampleEntries.issued("award-1")));

        // The csv target's rows as released: RFC 4180, CRLF, quotes doubled, instants in ISO form, ids joined by ';'.
        assertThat(new String(file, StandardCharsets.UTF_8))
                .isEqualTo("award_id,action,learner_id,credential_id,credential_version,credential_name,"
                        + "credential_kind,issuer_id,issuer_name,earned_at,awarded_at,evidence_event_ids,"
                        + "sis_person_id\r\n"
                        + "award-1,ISSUED,alice,data-analysis,3,\"Data \"\"Analysis\"\" Fundamentals\",badge,"
                        + "https://credentials.example.edu,Example University,2026-11-20T10:00:00Z,"
                        + "2026-11-21T10:00:00Z,e1,S0001\r\n");
    }
}

package io.credbridge.transcript.files;

import io.credbridge.transcript.TranscriptEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV import layout (RFC 4180, UTF-8, CRLF, a header row): the rows the {@code csv} target has always appended
 * to its daily files, byte for byte, so an import job written for those reads batch files unchanged.
 */
public final class CsvLayout implements FileLayout {

    public static final List<String> COLUMNS = List.of(
            "award_id",
            "action",
            "learner_id",
            "credential_id",
            "credential_version",
            "credential_name",
            "credential_kind",
            "issuer_id",
            "issuer_name",
            "earned_at",
            "awarded_at",
            "evidence_event_ids",
            "sis_person_id");

    /** The format rows are written and read back in. */
    public static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public byte[] render(String batchId, List<TranscriptEntry> entries) {
        return rows(entries, true).getBytes(StandardCharsets.UTF_8);
    }

    /** The entries' rows, after the header row when {@code withHeader}. */
    public static String rows(List<TranscriptEntry> entries, boolean withHeader) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            if (withHeader) {
                printer.printRecord(COLUMNS);
            }
            for (TranscriptEntry entry : entries) {
                printer.printRecord(
                        entry.awardId(),
                        entry.action().name(),
                        entry.learnerId(),
                        entry.credentialId(),
                        entry.credentialVersion(),
                        entry.credentialName(),
                        entry.credentialKind(),
                        entry.issuerId(),
                        entry.issuerName(),
                        entry.earnedAt(),
                        entry.awardedAt(),
                        String.join(";", entry.evidenceEventIds()),
                        entry.sisPersonId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

package io.credbridge.transcript.files;

import io.credbridge.transcript.Acknowledgement;
import io.credbridge.transcript.TranscriptEntry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an acknowledgement file: CSV with a header row, one row per record the SIS loaded or refused, the column
 * names and status values as configured. A row that cannot be read fails the whole file, naming the row, so nothing
 * of a file is applied until all of it can be.
 */
final class AcknowledgementCsv {

    private final FileSettings.Acknowledgements settings;

    AcknowledgementCsv(FileSettings.Acknowledgements settings) {
        this.settings = settings;
    }

    List<Acknowledgement> read(String fileName, byte[] content) {
        FileSettings.Columns columns = settings.columns();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<Acknowledgement> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(
                new StringReader(new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "")), format)) {
            for (String column : List.of(columns.awardId(), columns.action(), columns.status())) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException("acknowledgement file " + fileName + " has no column " + column
                            + " (its header is " + parser.getHeaderNames() + "); set"
                            + " credbridge.transcript.files.acknowledgements.columns.* to its column names");
                }
            }
            for (CSVRecord row : parser) {
                records.add(record(fileName, row, columns));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "acknowledgement file " + fileName + " is not CSV: " + e.getMessage(), e);
        }
        return records;
    }

    private Acknowledgement record(String fileName, CSVRecord row, FileSettings.Columns columns) {
        String where = "acknowledgement file " + fileName + " line " + row.getRecordNumber();
        String status = row.get(columns.status()).strip();
        boolean accepted = matches(settings.acceptedValues(), status);
        if (!accepted && !matches(settings.rejectedValues(), status)) {
            throw new IllegalArgumentException(where + ": status '" + status + "' is neither accepted "
                    + settings.acceptedValues() + " nor rejected " + settings.rejectedValues()
                    + "; set credbridge.transcript.files.acknowledgements.accepted-values and rejected-values");
        }
        String action = row.get(columns.action()).strip().toUpperCase(Locale.ROOT);
        TranscriptEntry.Action parsed;
        try {
            parsed = TranscriptEntry.Action.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + ": action '" + action + "' is not ISSUED, REVOKED or EXPIRED", e);
        }
        return new Acknowledgement(
                row.get(columns.awardId()).strip(),
                parsed,
                accepted,
                optional(row, columns.code()),
                optional(row, columns.message()));
    }

    private static boolean matches(List<String> values, String status) {
        return values.stream().anyMatch(value -> value.equalsIgnoreCase(status));
    }

    private static String optional(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? null : value;
    }
}

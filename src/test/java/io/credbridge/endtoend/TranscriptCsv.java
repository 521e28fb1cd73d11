package io.credbridge.endtoend;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The SIS import files as the registrar's import job reads them. */
final class TranscriptCsv {

    private TranscriptCsv() {}

    /** Every row about the award in the directory's CSV files, in file order; none when there is no directory. */
    static List<CSVRecord> rows(Path directory, String awardId) throws IOException {
        return allRows(directory).stream()
                .filter(row -> row.get("award_id").equals(awardId))
                .toList();
    }

    /** Every row of the directory's CSV files, in file order; none when there is no directory. */
    static List<CSVRecord> allRows(Path directory) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return rows;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.csv")) {
            for (Path file : files) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(in)
                            .forEach(rows::add);
                }
            }
        }
        return rows;
    }
}

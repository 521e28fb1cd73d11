package io.credbridge.ingest.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.deadletter.IngestedPayloads;
import io.credbridge.ingest.LearningEventRecords;
import io.credbridge.kafka.OutgoingRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads a skipped backfill row's dead letter again with its layout as configured now: the header and the row make a
 * one-row file, read as the job read it. The row's event id does not depend on its file or line, so a row replayed
 * and also imported again counts once.
 */
class RejectedRowReplay implements IngestedPayloads {

    private final ObjectMapper json = new ObjectMapper();
    private final Function<String, BackfillLayout> layouts;
    private final LearningEventRecords records;
    private final Clock clock;

    /** @param layouts the layout of each name as configured now; throws when there is none of the name */
    RejectedRowReplay(Function<String, BackfillLayout> layouts, LearningEventRecords records, Clock clock) {
        this.layouts = layouts;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public String source() {
        return BackfillRows.SOURCE;
    }

    @Override
    public List<OutgoingRecord> reread(byte[] payload) {
        JsonNode row;
        try {
            row = json.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the dead letter is not a backfill row: " + e.getMessage(), e);
        }
        String layout = row.path("layout").asText();
        long line = row.path("line").asLong();
        try (BackfillRows reading =
                new BackfillRows(new StringReader(csv(row)), layout, layouts.apply(layout), clock.instant())) {
            BackfillRows.Row read = reading.next();
            if (read == null) {
                throw new IllegalArgumentException("line " + line + " holds no fields");
            }
            if (!read.good()) {
                throw new IllegalArgumentException(read.problems().stream()
                        .map(problem -> new LineProblem(line, problem.column(), problem.detail()).describe())
                        .collect(Collectors.joining("; ")));
            }
            return records.of(List.of(read.event()));
        } catch (BackfillRows.UnreadableHeaderException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String csv(JsonNode row) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
            printer.printRecord(values(row.path("header")));
            printer.printRecord(values(row.path("row")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}

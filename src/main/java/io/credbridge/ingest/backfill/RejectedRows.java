package io.credbridge.ingest.backfill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.deadletter.IngestDeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dead letters of the rows a backfill skipped (stage {@code ingest}, source {@code backfill}), as {@link
 * IngestDeadLetters} files them: the row's line and reason, and a payload holding the layout, the header and the
 * row's fields, so that once the cause is fixed (the layout's date format, a column it reads) the row is replayed as
 * it stands ({@link RejectedRowReplay}). A row whose data is wrong is corrected in the file and imported again
 * instead; a re-import sends nothing twice. The dead letter's id comes from the job (the first one, for a re-run) and
 * the line, so running a job again files nothing twice.
 */
final class RejectedRows {

    static final String ERROR_TYPE = "io.credbridge.ingest.backfill.InvalidRow";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RejectedRows() {}

    /** @param header the file's column names; {@code rows} are the rows the job skipped, as read */
    static List<IngestDeadLetters.Unusable> of(BackfillJob job, List<String> header, List<BackfillRows.Row> rows) {
        String firstJob = job.rerunOf() == null ? job.jobId() : job.rerunOf();
        return rows.stream()
                .<IngestDeadLetters.Unusable>map(row -> now -> DeadLetterEntry.ofIngest(
                        idOf(firstJob, row.line()),
                        BackfillRows.SOURCE,
                        "backfill job " + firstJob + " (" + job.fileName() + ")",
                        "line " + row.line(),
                        row.problems().stream().map(LineProblem::describe).collect(Collectors.joining("; ")),
                        ERROR_TYPE,
                        payload(job, header, row).getBytes(StandardCharsets.UTF_8),
                        now))
                .toList();
    }

    static String idOf(String jobId, long line) {
        return IngestDeadLetters.idOf("backfill", jobId, String.valueOf(line));
    }

    /** The row as its dead letter holds it: enough to read it again with its layout. */
    static String payload(BackfillJob job, List<String> header, BackfillRows.Row row) {
        ObjectNode payload = JSON.createObjectNode()
                .put("layout", job.layout())
                .put("file", job.fileName())
                .put("line", row.line());
        header.forEach(payload.putArray("header")::add);
        row.values().forEach(payload.putArray("row")::add);
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

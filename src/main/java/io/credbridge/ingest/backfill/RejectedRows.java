package io.credbridge.ingest.backfill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.deadletter.DeadLetterRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files each row a backfill skipped in the dead-letter store (stage {@code ingest}, source {@code backfill}): the
 * row's line and reason, and a payload holding the layout, the header and the row's fields, so that once the cause is
 * fixed (the layout's date format, a column it reads) the row is replayed as it stands. A row whose data is wrong is
 * corrected in the file and imported again instead; a re-import sends nothing twice. The dead letter's id comes from
 * the job (the first one, for a re-run) and the line, so running a job again files nothing twice.
 */
class RejectedRows {

    static final String ERROR_TYPE = "io.credbridge.ingest.backfill.InvalidRow";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DeadLetterRecorder deadLetters;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RejectedRows(DeadLetterRecorder deadLetters, TransactionTemplate transactions, Clock clock) {
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param header the file's column names; {@code rows} are the rows the job skipped, as read */
    void setAside(BackfillJob job, List<String> header, List<BackfillRows.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String firstJob = job.rerunOf() == null ? job.jobId() : job.rerunOf();
        List<DeadLetterEntry> entries = rows.stream()
                .map(row -> DeadLetterEntry.ofIngest(
                        idOf(firstJob, row.line()),
                        BackfillRows.SOURCE,
                        "backfill job " + firstJob + " (" + job.fileName() + ")",
                        "line " + row.line(),
                        row.problems().stream().map(LineProblem::describe).collect(Collectors.joining("; ")),
                        ERROR_TYPE,
                        payload(job, header, row).getBytes(StandardCharsets.UTF_8),
                        clock.instant()))
                .toList();
        transactions.executeWithoutResult(status -> entries.forEach(deadLetters::recordOnce));
    }

    static String idOf(String jobId, long line) {
        return UUID.nameUUIDFromBytes(("backfill\n" + jobId + "\n" + line).getBytes(StandardCharsets.UTF_8))
                .toString();
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

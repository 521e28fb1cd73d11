package io.credbridge.ingest.backfill;

import java.time.Instant;

/**
 * A backfill as its table records it.
 *
 * @param totalRows the file's non-blank rows below the header, counted before sending began
 * @param rowsRead rows read so far (sent, duplicates and rejected together)
 * @param eventsSent events Kafka acknowledged
 * @param rejected rows skipped because they could not be read (listed with their line and column)
 * @param duplicates rows whose event an earlier backfill, or an earlier row of this one, already sent
 * @param spoolFile the uploaded file kept for the job while it runs or to be run again, or null
 * @param rerunOf the interrupted job this one runs again, or null
 */
public record BackfillJob(
        String jobId,
        String layout,
        String fileName,
        String spoolFile,
        Status status,
        long totalRows,
        long rowsRead,
        long eventsSent,
        long rejected,
        long duplicates,
        String startedBy,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        String error,
        String rerunOf) {

    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED,
        /** Its process stopped while it ran (a crash or a kill): run it again; rows already sent count as duplicates. */
        INTERRUPTED
    }

    /** The share of the file's rows read, 0 to 1. */
    public double progress() {
        return totalRows == 0 ? 1.0 : (double) rowsRead / totalRows;
    }

    BackfillJob withStatus(Status newStatus) {
        return new BackfillJob(
                jobId,
                layout,
                fileName,
                spoolFile,
                newStatus,
                totalRows,
                rowsRead,
                eventsSent,
                rejected,
                duplicates,
                startedBy,
                startedAt,
                updatedAt,
                finishedAt,
                error,
                rerunOf);
    }
}

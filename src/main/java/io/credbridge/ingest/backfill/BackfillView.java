package io.credbridge.ingest.backfill;

import java.time.Instant;
import java.util.List;

/** A backfill job as the API shows it, with the bad lines it skipped (at most max-listed-problems of them). */
record BackfillView(
        String id,
        String layout,
        String file,
        BackfillJob.Status status,
        double progress,
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
        String rerunOf,
        List<LineProblem> problems) {

    static BackfillView of(BackfillJob job, List<LineProblem> problems) {
        return new BackfillView(
                job.jobId(),
                job.layout(),
                job.fileName(),
                job.status(),
                job.progress(),
                job.totalRows(),
                job.rowsRead(),
                job.eventsSent(),
                job.rejected(),
                job.duplicates(),
                job.startedBy(),
                job.startedAt(),
                job.updatedAt(),
                job.finishedAt(),
                job.error(),
                job.rerunOf(),
                problems);
    }
}

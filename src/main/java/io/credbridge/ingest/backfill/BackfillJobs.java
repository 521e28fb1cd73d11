package io.credbridge.ingest.backfill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Backfill jobs and the lines they skipped, in tables {@code backfill_job} and {@code backfill_problem}. A job
 * writes its progress after every batch; one still RUNNING whose progress has not moved for
 * {@code stale-after} was interrupted, and is read as such.
 */
@Repository
class BackfillJobs {

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration staleAfter;

    BackfillJobs(NamedParameterJdbcTemplate jdbc, BackfillProperties properties) {
        this.jdbc = jdbc;
        this.staleAfter = properties.staleAfter();
    }

    void start(BackfillJob job) {
        jdbc.update(
                "insert into backfill_job (job_id, layout, file_name, spool_file, status, total_rows, rows_read,"
                        + " events_sent, rejected, duplicates, started_by, started_at, updated_at, rerun_of)"
                        + " values (:id, :layout, :file, :spool, :status, :total, 0, 0, 0, 0, :by, :at, :at, :rerun)",
                new MapSqlParameterSource()
                        .addValue("id", job.jobId())
                        .addValue("layout", job.layout())
                        .addValue("file", truncate(job.fileName(), 1000))
                        .addValue("spool", job.spoolFile())
                        .addValue("status", job.status().name())
                        .addValue("total", job.totalRows())
                        .addValue("by", job.startedBy())
                        .addValue("at", Timestamp.from(job.startedAt()))
                        .addValue("rerun", job.rerunOf()));
    }

    void progress(String jobId, Counts counts, Instant now) {
        jdbc.update(
                "update backfill_job set rows_read = :read, events_sent = :sent, rejected = :rejected,"
                        + " duplicates = :duplicates, updated_at = :now where job_id = :id",
                counts.parameters().addValue("id", jobId).addValue("now", Timestamp.from(now)));
    }

    void finish(String jobId, BackfillJob.Status status, Counts counts, String error, Instant now) {
        jdbc.update(
                "update backfill_job set status = :status, rows_read = :read, events_sent = :sent,"
                        + " rejected = :rejected, duplicates = :duplicates, error = :error, updated_at = :now,"
                        + " finished_at = :now where job_id = :id",
                counts.parameters()
                        .addValue("id", jobId)
                        .addValue("status", status.name())
                        .addValue("error", truncate(error, 2000))
                        .addValue("now", Timestamp.from(now)));
    }

    /** No job names the file any more: it is deleted, and a job that named it can no longer be run again. */
    void forgetSpoolFile(String spoolFile) {
        jdbc.update(
                "update backfill_job set spool_file = null where spool_file = :file",
                new MapSqlParameterSource("file", spoolFile));
    }

    /** The spooled files of failed and interrupted jobs that ended before the cutoff, unless a running job reads them. */
    List<String> spoolsEndedBefore(Instant cutoff) {
        return jdbc.queryForList(
                "select distinct spool_file from backfill_job where spool_file is not null"
                        + " and status in ('FAILED', 'INTERRUPTED') and coalesce(finished_at, updated_at) < :cutoff"
                        + " and spool_file not in (select spool_file from backfill_job"
                        + " where status = 'RUNNING' and spool_file is not null)",
                new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)),
                String.class);
    }

    /** Every spooled file a job still names. */
    java.util.Set<String> spoolFiles() {
        return new java.util.HashSet<>(jdbc.queryForList(
                "select spool_file from backfill_job where spool_file is not null", Map.of(), String.class));
    }

    void listProblems(String jobId, List<LineProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = problems.stream()
                .map(problem -> new MapSqlParameterSource()
                        .addValue("id", jobId)
                        .addValue("line", problem.line())
                        .addValue("column", truncate(problem.column(), 255))
                        .addValue("detail", truncate(problem.detail(), 2000)))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(
                "insert into backfill_problem (job_id, line, column_name, detail) values (:id, :line, :column, :detail)",
                rows);
    }

    /** The job as of now: a RUNNING one whose progress stopped moving is INTERRUPTED. */
    Optional<BackfillJob> find(String jobId, Instant now) {
        return jdbc
                .query(
                        "select * from backfill_job where job_id = :id",
                        new MapSqlParameterSource("id", jobId),
                        (row, n) -> job(row))
                .stream()
                .findFirst()
                .map(job -> job.status() == BackfillJob.Status.RUNNING
                                && job.updatedAt().plus(staleAfter).isBefore(now)
                        ? job.withStatus(BackfillJob.Status.INTERRUPTED)
                        : job);
    }

    List<LineProblem> problems(String jobId, int limit) {
        return jdbc.query(
                "select line, column_name, detail from backfill_problem where job_id = :id order by line limit :limit",
                new MapSqlParameterSource("id", jobId).addValue("limit", limit),
                (row, n) ->
                        new LineProblem(row.getLong("line"), row.getString("column_name"), row.getString("detail")));
    }

    /**
     * Records as INTERRUPTED every RUNNING job whose progress stopped moving: at startup, the jobs a stopped
     * process left behind.
     */
    int markInterrupted(Instant now) {
        return jdbc.update(
                "update backfill_job set status = 'INTERRUPTED', finished_at = :now,"
                        + " error = 'the process running it stopped; run it again (rows already sent count as"
                        + " duplicates)' where status = 'RUNNING' and updated_at < :stale",
                new MapSqlParameterSource()
                        .addValue("now", Timestamp.from(now))
                        .addValue("stale", Timestamp.from(now.minus(staleAfter))));
    }

    /** What a job has done so far. */
    record Counts(long rowsRead, long eventsSent, long rejected, long duplicates) {

        MapSqlParameterSource parameters() {
            return new MapSqlParameterSource()
                    .addValue("read", rowsRead)
                    .addValue("sent", eventsSent)
                    .addValue("rejected", rejected)
                    .addValue("duplicates", duplicates);
        }
    }

    private static BackfillJob job(ResultSet row) throws SQLException {
        return new BackfillJob(
                row.getString("job_id"),
                row.getString("layout"),
                row.getString("file_name"),
                row.getString("spool_file"),
                BackfillJob.Status.valueOf(row.getString("status")),
                row.getLong("total_rows"),
                row.getLong("rows_read"),
                row.getLong("events_sent"),
                row.getLong("rejected"),
                row.getLong("duplicates"),
                row.getString("started_by"),
                instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("updated_at")),
                instant(row.getTimestamp("finished_at")),
                row.getString("error"),
                row.getString("rerun_of"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}

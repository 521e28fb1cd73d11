package io.credbridge.ingest.backfill;

import io.credbridge.ops.CsvMediaType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The backfill job API: a CSV upload starts a job (202 with its Location) once every row was checked; the job sends
 * the rows in the background, and its status, progress and counts are read back until it ends. The body is
 * streamed to the spool directory, never held in memory.
 */
@RestController
@RequestMapping("/api/backfill")
class BackfillController {

    private final Backfills backfills;
    private final BackfillJobs jobs;
    private final BackfillProperties properties;
    private final TaskExecutor executor;
    private final Clock clock;

    BackfillController(
            Backfills backfills,
            BackfillJobs jobs,
            BackfillProperties properties,
            TaskExecutor backfillExecutor,
            Clock clock) {
        this.backfills = backfills;
        this.jobs = jobs;
        this.properties = properties;
        this.executor = backfillExecutor;
        this.clock = clock;
    }

    /**
     * @param layout the configured layout the file follows
     * @param invalid {@code refuse} (default): a file with any bad row is answered 400 listing every bad line and
     *     nothing is sent; {@code skip}: bad rows are left out, counted as rejected and listed on the job
     * @param name the file's name, recorded on the job and in the audit trail
     */
    @PostMapping
    ResponseEntity<BackfillView> start(
            @RequestParam(required = false) String layout,
            @RequestParam(defaultValue = "refuse") String invalid,
            @RequestParam(defaultValue = "upload.csv") String name,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest request)
            throws IOException {
        Charset charset = charsetOf(contentType);
        backfills.layout(layout);
        Backfills.OnInvalid onInvalid = onInvalid(invalid);
        Path file = backfills.spool(request.getInputStream(), charset);
        return started(file, layout, name, onInvalid, null);
    }

    @GetMapping("/{id}")
    BackfillView job(@PathVariable String id) {
        BackfillJob job = jobs.find(id, clock.instant()).orElseThrow(() -> new JobNotFoundException(id));
        return BackfillView.of(job, jobs.problems(id, properties.maxListedProblems()));
    }

    /** Runs an interrupted or failed upload again from its spooled file: rows already sent count as duplicates. */
    @PostMapping("/{id}/rerun")
    ResponseEntity<BackfillView> rerun(@PathVariable String id) {
        BackfillJob job = jobs.find(id, clock.instant()).orElseThrow(() -> new JobNotFoundException(id));
        if (job.status() != BackfillJob.Status.INTERRUPTED && job.status() != BackfillJob.Status.FAILED) {
            throw new NotRerunnableException(
                    "job " + id + " is " + job.status() + "; only an interrupted or failed job is run again");
        }
        if (job.spoolFile() == null || !Files.isReadable(Path.of(job.spoolFile()))) {
            throw new NotRerunnableException("job " + id + "'s uploaded file is no longer kept; upload the same file"
                    + " again: rows already sent count as duplicates");
        }
        return started(Path.of(job.spoolFile()), job.layout(), job.fileName(), Backfills.OnInvalid.SKIP, id);
    }

    private ResponseEntity<BackfillView> started(
            Path file, String layout, String name, Backfills.OnInvalid onInvalid, String rerunOf) {
        BackfillJob job;
        try {
            job = backfills.start(file, true, layout, name, onInvalid, rerunOf);
        } catch (RuntimeException e) {
            if (rerunOf == null) {
                deleteQuietly(file);
            }
            throw e;
        }
        executor.execute(() -> backfills.run(job, file, (running, counts) -> {}));
        return ResponseEntity.accepted()
                .location(URI.create("/api/backfill/" + job.jobId()))
                .body(BackfillView.of(job, jobs.problems(job.jobId(), properties.maxListedProblems())));
    }

    private static Backfills.OnInvalid onInvalid(String invalid) {
        try {
            return Backfills.OnInvalid.valueOf(invalid.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("invalid must be refuse (a bad row refuses the whole file) or skip (bad"
                    + " rows are left out and listed on the job), was " + invalid);
        }
    }

    static Charset charsetOf(String contentType) {
        return CsvMediaType.charsetOf(contentType).orElseThrow(() -> new UnsupportedUploadTypeException(contentType));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class UnsupportedUploadTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedUploadTypeException(String contentType) {
            super("a backfill is uploaded as text/csv (UTF-8 unless a charset is named), not "
                    + (contentType == null ? "a body without a Content-Type" : contentType));
        }
    }

    static final class JobNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobNotFoundException(String id) {
            super("no backfill job " + id);
        }
    }

    static final class NotRerunnableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRerunnableException(String message) {
            super(message);
        }
    }

    static final class BadParameterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadParameterException(String message) {
            super(message);
        }
    }
}

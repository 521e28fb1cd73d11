package io.credbridge.ingest.backfill;

import io.credbridge.audit.AuditTrail;
import io.credbridge.avro.LearningEvent;
import io.credbridge.deadletter.IngestDeadLetters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Backfills a CSV file in two passes over it: the first checks every row and counts them, so that a file with bad
 * lines can be refused whole before anything is sent (or its bad lines listed when they are to be skipped); the
 * second sends the rows in batches, recording the job's progress after each. Neither pass holds the file in memory.
 */
@Component
public class Backfills {

    private static final Logger log = LoggerFactory.getLogger(Backfills.class);

    private final BackfillProperties properties;
    private final BackfillJobs jobs;
    private final BackfillPublisher publisher;
    private final IngestDeadLetters deadLetters;
    private final AuditTrail audit;
    private final Clock clock;

    Backfills(
            BackfillProperties properties,
            BackfillJobs jobs,
            BackfillPublisher publisher,
            IngestDeadLetters deadLetters,
            AuditTrail audit,
            Clock clock) {
        this.properties = properties;
        this.jobs = jobs;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the first pass found: the rows, how many are bad, and the first bad lines' problems. */
    record Check(long rows, long badRows, List<LineProblem> listed) {}

    /** What to do with bad rows: refuse the whole file (the default), or skip them, counted as rejected. */
    enum OnInvalid {
        REFUSE,
        SKIP
    }

    /** Receives a job's counts after every batch, e.g. to draw a progress bar. */
    interface Progress {
        void batchDone(BackfillJob job, BackfillJobs.Counts counts);
    }

    /** Some rows are bad and the file is refused whole; nothing was sent. */
    static final class InvalidBackfillFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Check check;

        InvalidBackfillFileException(Check check) {
            super(check.badRows() + " of " + check.rows() + " row(s) cannot be backfilled");
            this.check = check;
        }

        Check check() {
            return check;
        }
    }

    /** The layout with this name. */
    BackfillLayout layout(String name) {
        BackfillLayout layout = name == null ? null : properties.layouts().get(name);
        if (layout == null) {
            throw new UnknownLayoutException(name, properties.layouts().keySet());
        }
        return layout;
    }

    static final class UnknownLayoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownLayoutException(String name, java.util.Set<String> known) {
            super((name == null ? "name a layout with ?layout=" : "there is no layout " + name)
                    + (known.isEmpty()
                            ? "; configure one under credbridge.ingest.backfill.layouts (see README, CSV backfill)"
                            : "; the configured layouts are " + String.join(", ", new java.util.TreeSet<>(known))));
        }
    }

    /**
     * Copies an upload to the spool directory as UTF-8, decoding it strictly: a file in another charset than the
     * one it claims is refused rather than backfilled with broken names.
     */
    Path spool(InputStream body, Charset charset) {
        try {
            Files.createDirectories(properties.spoolDirectory());
            Path file = properties.spoolDirectory().resolve("backfill-" + UUID.randomUUID() + ".csv");
            Reader in = new InputStreamReader(
                    body,
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                in.transferTo(out);
            } catch (CharacterCodingException e) {
                Files.deleteIfExists(file);
                throw new InvalidBackfillFileException(new Check(
                        0,
                        1,
                        List.of(new LineProblem(
                                1,
                                null,
                                "the file is not " + charset.name() + " text; save it as UTF-8 or name its charset in"
                                        + " the Content-Type, e.g. text/csv; charset=windows-1252"))));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first pass: every row checked, none sent.
     *
     * @throws BackfillRows.UnreadableHeaderException when no row can be read
     */
    Check check(Path file, String layoutName) {
        BackfillLayout layout = layout(layoutName);
        long rows = 0;
        long bad = 0;
        List<LineProblem> listed = new ArrayList<>();
        try (BackfillRows reading = new BackfillRows(reader(file), layoutName, layout, clock.instant()).checkOnly()) {
            for (BackfillRows.Row row = reading.next(); row != null; row = reading.next()) {
                rows++;
                if (!row.good()) {
                    bad++;
                    for (LineProblem problem : row.problems()) {
                        if (listed.size() < properties.maxListedProblems()) {
                            listed.add(problem);
                        }
                    }
                }
            }
        }
        return new Check(rows, bad, List.copyOf(listed));
    }

    /**
     * Checks the file, then records the job as RUNNING with its audit line; the rows are sent by {@link #run}.
     *
     * @param spooled whether the file is an upload the job owns (deleted once the job completed)
     * @throws InvalidBackfillFileException when rows are bad and {@code onInvalid} is REFUSE
     */
    BackfillJob start(
            Path file, boolean spooled, String layoutName, String fileName, OnInvalid onInvalid, String rerunOf) {
        Check check = check(file, layoutName);
        if (check.badRows() > 0 && onInvalid == OnInvalid.REFUSE) {
            throw new InvalidBackfillFileException(check);
        }
        Instant now = clock.instant();
        BackfillJob job = new BackfillJob(
                UUID.randomUUID().toString(),
                layoutName,
                fileName,
                spooled ? file.toString() : null,
                BackfillJob.Status.RUNNING,
                check.rows(),
                0,
                0,
                0,
                0,
                audit.actor().name(),
                now,
                now,
                null,
                null,
                rerunOf);
        jobs.start(job);
        jobs.listProblems(job.jobId(), check.listed());
        audit.record(
                "backfill.start",
                "backfill job " + job.jobId(),
                null,
                "layout " + layoutName + ", file " + fileName + ": " + check.rows() + " row(s), " + check.badRows()
                        + " to skip" + (rerunOf == null ? "" : ", running job " + rerunOf + " again"));
        return job;
    }

    /** The second pass: sends every good row, in batches, and records how the job ended. */
    BackfillJob run(BackfillJob job, Path file, Progress progress) {
        long read = 0;
        long sent = 0;
        long rejected = 0;
        long duplicates = 0;
        BackfillLayout layout = layout(job.layout());
        try (BackfillRows reading = new BackfillRows(reader(file), job.layout(), layout, clock.instant());
                Producer<String, byte[]> producer = publisher.open()) {
            List<LearningEvent> batch = new ArrayList<>(properties.batchSize());
            List<BackfillRows.Row> skipped = new ArrayList<>();
            for (BackfillRows.Row row = reading.next(); ; row = reading.next()) {
                if (row != null) {
                    read++;
                    if (!row.good()) {
                        rejected++;
                        skipped.add(row);
                    } else {
                        batch.add(row.event());
                    }
                }
                if (skipped.size() >= properties.batchSize() || row == null) {
                    deadLetters.setAside(RejectedRows.of(job, reading.headerNames(), skipped));
                    skipped.clear();
                }
                if (batch.size() >= properties.batchSize() || row == null && !batch.isEmpty()) {
                    int known = publisher.publish(producer, batch);
                    duplicates += known;
                    sent += batch.size() - known;
                    batch.clear();
                    BackfillJobs.Counts counts = new BackfillJobs.Counts(read, sent, rejected, duplicates);
                    jobs.progress(job.jobId(), counts, clock.instant());
                    progress.batchDone(job, counts);
                }
                if (row == null) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Backfill job {} failed after {} row(s): {}", job.jobId(), read, e.toString());
            jobs.finish(
                    job.jobId(),
                    BackfillJob.Status.FAILED,
                    new BackfillJobs.Counts(read, sent, rejected, duplicates),
                    e.getMessage(),
                    clock.instant());
            return jobs.find(job.jobId(), clock.instant()).orElseThrow();
        }
        BackfillJobs.Counts counts = new BackfillJobs.Counts(read, sent, rejected, duplicates);
        jobs.finish(job.jobId(), BackfillJob.Status.COMPLETED, counts, null, clock.instant());
        if (job.spoolFile() != null) {
            deleteSpool(job);
        }
        log.info(
                "Backfill job {} completed: {} row(s) read, {} event(s) sent, {} duplicate(s), {} rejected",
                job.jobId(),
                read,
                sent,
                duplicates,
                rejected);
        return jobs.find(job.jobId(), clock.instant()).orElseThrow();
    }

    private void deleteSpool(BackfillJob job) {
        try {
            Files.deleteIfExists(Path.of(job.spoolFile()));
            // The failed or interrupted jobs this one ran again named the same file.
            jobs.forgetSpoolFile(job.spoolFile());
        } catch (IOException e) {
            log.warn(
                    "Backfill job {} could not delete its spooled upload {}: {}",
                    job.jobId(),
                    job.spoolFile(),
                    e.toString());
        }
    }

    private static BufferedReader reader(Path file) {
        try {
            return new BufferedReader(
                    new InputStreamReader(
                            Files.newInputStream(file),
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
                    1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

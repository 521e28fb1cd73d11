package io.credbridge.ingest.backfill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the spool directory bounded. A completed job deletes its upload itself; a failed or interrupted job keeps it
 * to be run again for {@code failed-spool-retention}, after which this sweep deletes it. Uploads no job names (the
 * process stopped between spooling and starting the job, or a refused file whose delete failed) go after the same
 * time.
 */
public class BackfillSpool {

    private static final Logger log = LoggerFactory.getLogger(BackfillSpool.class);

    private final BackfillProperties properties;
    private final BackfillJobs jobs;
    private final Clock clock;

    BackfillSpool(BackfillProperties properties, BackfillJobs jobs, Clock clock) {
        this.properties = properties;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** @return how many spooled files were deleted */
    public int sweep() {
        Instant cutoff = clock.instant().minus(properties.failedSpoolRetention());
        int deleted = 0;
        for (String file : jobs.spoolsEndedBefore(cutoff)) {
            if (delete(Path.of(file))) {
                jobs.forgetSpoolFile(file);
                deleted++;
            }
        }
        Set<String> named = jobs.spoolFiles();
        for (Path file : unnamedBefore(cutoff, named)) {
            if (delete(file)) {
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info(
                    "Deleted {} backfill upload(s) of failed, interrupted or abandoned jobs older than {}"
                            + " (credbridge.ingest.backfill.failed-spool-retention)",
                    deleted,
                    properties.failedSpoolRetention());
        }
        return deleted;
    }

    private List<Path> unnamedBefore(Instant cutoff, Set<String> named) {
        Path directory = properties.spoolDirectory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("backfill-"))
                    .filter(file -> !named.contains(file.toString()))
                    .filter(file -> modifiedBefore(file, cutoff))
                    .toList();
        } catch (IOException e) {
            log.warn("Cannot list the backfill spool directory {}: {}", directory, e.toString());
            return List.of();
        }
    }

    private static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean delete(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            log.warn("Cannot delete the backfill upload {}: {}", file, e.toString());
            return false;
        }
    }
}

package io.credbridge.ingest.backfill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CSV backfill ({@code credbridge.ingest.backfill}).
 *
 * @param layouts the file layouts by name; a file is imported with one ({@code ?layout=} or
 *     {@code --credbridge.backfill.layout=})
 * @param batchSize rows sent to Kafka, and recorded as sent, together
 * @param maxListedProblems how many bad lines a refusal or a job lists (every one is counted)
 * @param staleAfter a running job whose progress has not moved for this long was interrupted (its process
 *     stopped); it is shown so, and can be run again
 * @param spoolDirectory where an uploaded file is kept while its job runs (and, after it failed or was interrupted,
 *     to be run again)
 * @param failedSpoolRetention how long the upload of a failed or interrupted job is kept to be run again; then it is
 *     deleted (the file can be uploaded again: rows already sent count as duplicates)
 * @param producer how the backfill's Kafka producer batches: it sends many events at once, unlike the live sources
 */
@ConfigurationProperties("credbridge.ingest.backfill")
public record BackfillProperties(
        Map<String, BackfillLayout> layouts,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("1000") int maxListedProblems,
        @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("credbridge-data/backfill") Path spoolDirectory,
        @DefaultValue("7d") Duration failedSpoolRetention,
        @DefaultValue Producer producer) {

    /**
     * @param lingerMs how long the producer waits to fill a batch
     * @param batchBytes the largest batch per partition
     * @param compressionType none, gzip, snappy, lz4 or zstd
     */
    public record Producer(
            @DefaultValue("10") int lingerMs,
            @DefaultValue("262144") int batchBytes,
            @DefaultValue("lz4") String compressionType) {

        public Producer {
            if (lingerMs < 0 || batchBytes < 1024) {
                throw new IllegalArgumentException("credbridge.ingest.backfill.producer.linger-ms must be 0 or more and"
                        + " batch-bytes at least 1024, were " + lingerMs + " and " + batchBytes);
            }
            if (!Set.of("none", "gzip", "snappy", "lz4", "zstd").contains(compressionType)) {
                throw new IllegalArgumentException("credbridge.ingest.backfill.producer.compression-type must be none,"
                        + " gzip, snappy, lz4 or zstd, was " + compressionType);
            }
        }
    }

    public BackfillProperties {
        layouts = layouts == null ? Map.of() : Map.copyOf(layouts);
        List<String> problems = new ArrayList<>();
        layouts.forEach((name, layout) -> problems.addAll(layout.problems(name)));
        if (batchSize < 1 || batchSize > 100_000) {
            problems.add("credbridge.ingest.backfill.batch-size must be between 1 and 100000, was " + batchSize);
        }
        if (maxListedProblems < 1) {
            problems.add("credbridge.ingest.backfill.max-listed-problems must be at least 1, was " + maxListedProblems);
        }
        if (staleAfter == null || staleAfter.toSeconds() < 10) {
            problems.add("credbridge.ingest.backfill.stale-after must be at least 10s, was " + staleAfter);
        }
        if (failedSpoolRetention == null || failedSpoolRetention.isNegative()) {
            problems.add("credbridge.ingest.backfill.failed-spool-retention must be a duration of 0 or more (e.g. 7d),"
                    + " was " + failedSpoolRetention);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}

package io.credbridge.award;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-source dedup: the same completion (or grade) reported by two sources, e.g. Canvas Live Events and an LRS
 * that Canvas also forwards to, counts once.
 *
 * @param window how far apart two sources' reports of one learner's completion of one course may be and still be
 *     one ({@code credbridge.ingest.dedup.window}, e.g. {@code 5m}); {@code 0s} counts every report
 */
@ConfigurationProperties("credbridge.ingest.dedup")
public record CrossSourceDedupProperties(@DefaultValue("5m") Duration window) {

    public CrossSourceDedupProperties {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("credbridge.ingest.dedup.window must be 0s (no cross-source dedup) or"
                    + " more, e.g. 5m; was " + window);
        }
        if (window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("credbridge.ingest.dedup.window must be at most 1d: two completions a"
                    + " day apart are two completions, not one reported twice; was " + window);
        }
    }
}

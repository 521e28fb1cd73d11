package io.credbridge.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize how many events a relay claims and delivers at once
 * @param pollInterval how often a relay looks for due events when nothing woke it (retries, other instances)
 * @param maxAttempts attempts before an event is marked failed and dead-lettered (dead letters themselves are
 *     retried without limit)
 * @param firstRetryDelay delay before the second attempt; it doubles per attempt up to {@code maxRetryDelay}
 */
@Validated
@ConfigurationProperties("credbridge.outbox")
record OutboxProperties(
        @Min(value = 1, message = "must be at least 1") int batchSize,

        @NotNull(message = "must be a duration such as 500ms")
        Duration pollInterval,

        @Min(value = 1, message = "must be at least 1") int maxAttempts,
        @NotNull(message = "must be a duration such as 1s") Duration firstRetryDelay,
        @NotNull(message = "must be a duration such as 5m") Duration maxRetryDelay) {

    Duration retryDelay(int attemptsSoFar) {
        // Capped doublings: 2^20 times any sensible first delay is already past every maximum.
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.max(0, Math.min(attemptsSoFar, 20)));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}

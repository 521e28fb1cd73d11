package io.credbridge.outbox;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize how many events a relay claims and delivers at once
 * @param pollInterval how often a relay looks for due events when nothing woke it (retries, other instances)
 * @param maxAttempts attempts before an event is marked failed and dead-lettered (dead letters themselves are
 *     retried without limit)
 * @param firstRetryDelay delay before the second attempt; it doubles per attempt up to {@code maxRetryDelay}
 * @param retryJitter the share of each retry delay drawn at random (each delay falls between {@code 1 - retryJitter}
 *     and 1 times its backoff), so that events which failed together, in an outage, do not all come back at once
 * @param lease how long a claimed batch is a relay's alone while it delivers it without holding a transaction; renewed
 *     every third of it while the delivery lasts, so it only bounds how long the batch of a relay that died waits
 */
@Validated
@ConfigurationProperties("credbridge.outbox")
record OutboxProperties(
        @Min(value = 1, message = "must be at least 1") int batchSize,

        @NotNull(message = "must be a duration such as 500ms")
        Duration pollInterval,

        @Min(value = 1, message = "must be at least 1") int maxAttempts,
        @NotNull(message = "must be a duration such as 1s") Duration firstRetryDelay,
        @NotNull(message = "must be a duration such as 5m") Duration maxRetryDelay,

        @DecimalMin(value = "0", message = "must be a share from 0 to 1, e.g. 0.2")
        @DecimalMax(value = "1", message = "must be a share from 0 to 1, e.g. 0.2")
        @DefaultValue("0.2")
        double retryJitter,

        @NotNull(message = "must be a duration such as 15s")
        @DurationMin(seconds = 1, message = "must be at least a second, e.g. 15s")
        @DefaultValue("15s")
        Duration lease) {

    /** The delay before the next attempt, {@code draw} (from 0 to 1) choosing where in its jitter it falls. */
    Duration retryDelay(int attemptsSoFar, double draw) {
        // Capped doublings: 2^20 times any sensible first delay is already past every maximum.
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.max(0, Math.min(attemptsSoFar, 20)));
        Duration backoff = delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
        return backoff.minusNanos(Math.round(backoff.toNanos() * retryJitter * draw));
    }
}

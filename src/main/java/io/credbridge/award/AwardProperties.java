package io.credbridge.award;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The award route's Kafka consumer (routes/award.camel.yaml reads these).
 *
 * @param consumerGroup instances sharing a group share the partitions, and so the work
 * @param maxBatchSize most events applied in one database transaction
 * @param pollTimeoutMs how long one poll waits for records; a partly filled batch is applied when a poll comes
 *     back empty after this long
 * @param maxBatchWaitMs under a steady trickle of events, the longest a partly filled batch waits
 * @param expirySweepInterval how often awards past their validity are marked EXPIRED (routes/award-expiry)
 * @param instanceId this instance's static member id in the consumer group ({@code group.instance.id}); when
 *     set, a restarted instance takes its partitions back at once instead of after the session timeout of its
 *     former self. Unset (the default), the consumer is a dynamic member. Each instance needs its own.
 * @param parallelism how many parts, by learner, a large batch is split into and applied at once, each in its own
 *     transaction (see LearnerShards)
 */
@Validated
@ConfigurationProperties("credbridge.award")
record AwardProperties(
        @NotBlank(message = "must name the Kafka consumer group of the award stage")
        String consumerGroup,

        @Min(value = 1, message = "must be at least 1") @Max(value = 10_000, message = "must be at most 10000")
        int maxBatchSize,

        @Min(value = 1, message = "must be at least 1 ms") int pollTimeoutMs,
        @Min(value = 1, message = "must be at least 1 ms") int maxBatchWaitMs,

        @NotNull(message = "must say how often awards past their validity are expired, e.g. 1m")
        Duration expirySweepInterval,

        @Pattern(regexp = "\\S+", message = "must be a non-blank id without spaces, unique per instance, or unset")
        String instanceId,

        @Min(value = 1, message = "must be at least 1 (1 applies every batch whole)")
        @Max(value = 16, message = "must be at most 16; more parts than database connections only wait")
        int parallelism) {}

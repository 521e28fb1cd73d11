package io.credbridge.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The topics CredBridge reads and writes. Names carry a major version: an incompatible contract gets a new
 * topic rather than breaking subscribers.
 *
 * @param create whether to create missing topics at startup (turn off where topics are provisioned by ops)
 */
@Validated
@ConfigurationProperties("credbridge.topics")
record TopicsProperties(
        @NotBlank(message = "must name the topic for normalized learning events")
        String learningEvents,

        @NotBlank(message = "must name the topic for badge issuance events")
        String badgeIssuance,

        @NotBlank(message = "must name the topic for dead letters")
        String deadLetter,

        boolean create,
        @Min(value = 1, message = "must be at least 1") int partitions,
        @Min(value = 1, message = "must be at least 1") short replicationFactor) {}

package io.credbridge.award;

import io.credbridge.kafka.ConsumerProgress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code awardStage} health component, also part of the readiness group: OUT_OF_SERVICE until the award
 * consumer has joined its consumer group, then UP with the partitions it holds and how far behind it is. Until it
 * has joined, ingest accepts events but nothing is awarded, and health must not say otherwise.
 */
@Component("awardStageHealthIndicator")
class AwardStageHealthIndicator implements HealthIndicator {

    private final ConsumerProgress progress;
    private final String group;

    AwardStageHealthIndicator(ConsumerProgress progress, AwardProperties properties) {
        this.progress = progress;
        this.group = properties.consumerGroup();
    }

    @Override
    public Health health() {
        List<ConsumerProgress.Snapshot> consumers = progress.of(group).stream()
                .filter(ConsumerProgress.Snapshot::joined)
                .toList();
        if (consumers.isEmpty()) {
            return Health.outOfService()
                    .withDetail("consumerGroup", group)
                    .withDetail("reason", "the award consumer has not joined its consumer group yet")
                    .build();
        }
        List<String> partitions = new ArrayList<>();
        Long lag = 0L;
        for (ConsumerProgress.Snapshot consumer : consumers) {
            partitions.addAll(consumer.partitions());
            lag = lag == null || consumer.lag() == null ? null : lag + consumer.lag();
        }
        return Health.up()
                .withDetail("consumerGroup", group)
                .withDetail("partitions", partitions.stream().sorted().toList())
                .withDetail("lag", lag == null ? "unknown" : lag)
                .withDetail(
                        "lastPollAt",
                        consumers.stream()
                                .map(ConsumerProgress.Snapshot::polledAt)
                                .max(java.util.Comparator.naturalOrder())
                                .orElseThrow()
                                .toString())
                .build();
    }
}

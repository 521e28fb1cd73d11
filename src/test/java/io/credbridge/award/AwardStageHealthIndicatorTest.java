package io.credbridge.award;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.kafka.ConsumerProgress;
import io.credbridge.kafka.ConsumerProgress.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class AwardStageHealthIndicatorTest {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final ConsumerProgress progress = new ConsumerProgress();
    private final AwardStageHealthIndicator health = new AwardStageHealthIndicator(
            progress, new AwardProperties("credbridge-award", 2000, 10, 20, Duration.ofMinutes(1), null, 2));

    @Test
    void isOutOfServiceUntilTheAwardConsumerHasPolled() {
        Health before = health.health();

        assertThat(before.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(before.getDetails()).containsEntry("consumerGroup", "credbridge-award");
        assertThat(before.getDetails().get("reason").toString()).contains("has not joined");
    }

    @Test
    void isOutOfServiceWhileTheConsumerHasPolledButNotJoinedItsGroup() {
        report("consumer-1", new Snapshot(-1, List.of(), null, T0));

        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void isUpOnceJoinedWithThePartitionsOfEveryConsumerAndTheirSummedLag() {
        report("consumer-1", new Snapshot(3, List.of("events-2", "events-0"), 5L, T0));
        report("consumer-2", new Snapshot(3, List.of("events-1"), 7L, T0.plusSeconds(1)));

        Health joined = health.health();

        assertThat(joined.getStatus()).isEqualTo(Status.UP);
        assertThat(joined.getDetails())
                .containsEntry("partitions", List.of("events-0", "events-1", "events-2"))
                .containsEntry("lag", 12L)
                .containsEntry("lastPollAt", T0.plusSeconds(1).toString());
    }

    @Test
    void saysTheLagIsUnknownWhenAConsumerDoesNotKnowItsPositionYet() {
        report("consumer-1", new Snapshot(1, List.of("events-0"), 5L, T0));
        report("consumer-2", new Snapshot(1, List.of("events-1"), null, T0));

        assertThat(health.health().getDetails()).containsEntry("lag", "unknown");
    }

    @Test
    void ignoresOtherConsumerGroups() {
        progress.report("dead-letter-replay", "consumer-9", new Snapshot(1, List.of("x-0"), 0L, T0));

        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    /** Reports as a consumer of the award group does after a poll. */
    private void report(String clientId, Snapshot snapshot) {
        progress.report("credbridge-award", clientId, snapshot);
    }
}

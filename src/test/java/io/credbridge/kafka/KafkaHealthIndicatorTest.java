package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KafkaHealthIndicatorTest {

    @Test
    void reportsDownWithinSecondsWhenNothingListensAtTheBrokers() {
        String brokers = "localhost:" + KafkaTestSupport.freePort();
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(brokers, KafkaClientProperties.none());
        try {
            // The first call also creates the admin client, which on a loaded machine alone can take seconds.
            indicator.health();
            long started = System.nanoTime();
            Health health = indicator.health();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("brokers", brokers).containsKey("error");
            // Bounded by the indicator's own timeout, not the admin client's default of a minute.
            assertThat(took).isLessThan(KafkaHealthIndicator.TIMEOUT.plusSeconds(3));
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void reportsDownWhenTheBrokerHostCannotBeResolved() {
        KafkaHealthIndicator indicator =
                new KafkaHealthIndicator("no-such-host.invalid:9092", KafkaClientProperties.none());
        try {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
        }
    }
}

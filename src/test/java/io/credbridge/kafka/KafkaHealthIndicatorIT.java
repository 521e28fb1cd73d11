package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaHealthIndicatorIT {

    @TempDir
    Path dataDir;

    @Test
    void reportsARunningBrokerUpWithItsClusterIdAndNodeCountAndDownOnceItStops() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                EmbeddedKafkaProperties.of(dataDir, KafkaTestSupport.freePort(), KafkaTestSupport.freePort()));
        KafkaHealthIndicator indicator =
                new KafkaHealthIndicator(broker.bootstrapServers(), KafkaClientProperties.none());
        try {
            broker.start();

            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails())
                    .containsEntry("brokers", broker.bootstrapServers())
                    .containsEntry("nodes", 1)
                    .hasEntrySatisfying(
                            "clusterId", id -> assertThat(id).asString().isNotBlank());

            broker.close();

            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
            broker.close();
        }
    }
}

package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    private final Properties settings =
            BrokerSettings.of(EmbeddedKafkaProperties.of(Path.of("target/kafka"), 19092, 19093));

    @Test
    void usesOnlySettingsKafkaKnows() {
        assertThat(KafkaConfig.configDef().names()).containsAll(settings.stringPropertyNames());
    }

    @Test
    void describesOneNodeThatIsBrokerAndControllerOnTheGivenPorts() {
        KafkaConfig config = KafkaConfig.fromProps(settings, false);

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(settings)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://localhost:19092")
                .containsEntry("controller.quorum.voters", "1@localhost:19093")
                .containsEntry(
                        "log.dirs", Path.of("target/kafka").toAbsolutePath().toString());
    }

    @Test
    void configuredBrokerPropertiesGoOverCredBridgesOwn() {
        Properties sasl = BrokerSettings.of(new EmbeddedKafkaProperties(
                true,
                "localhost",
                19092,
                19093,
                Path.of("target/kafka"),
                Map.of("listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")));

        assertThat(sasl)
                .containsEntry("listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093");
    }

    @Test
    void needsNoReplicasBeyondTheOneNode() {
        assertThat(settings)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void aNodeRestartedAfterACrashWaitsSecondsNotNineForItsDeadRegistrationToLapse() {
        assertThat(Integer.parseInt(settings.getProperty("broker.session.timeout.ms")))
                .isLessThanOrEqualTo(3000)
                .isGreaterThan(Integer.parseInt(settings.getProperty("broker.heartbeat.interval.ms")) * 4);
    }
}

package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedKafkaPropertiesTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void defaultsToADisabledBrokerOnLocalhostPorts9092And9093() {
        context.run(it -> assertThat(it.getBean(EmbeddedKafkaProperties.class))
                .isEqualTo(new EmbeddedKafkaProperties(
                        false, "localhost", 9092, 9093, Path.of("credbridge-data/kafka"), Map.of())));
    }

    @Test
    void bindsKebabCaseProperties() {
        context.withPropertyValues(
                        "credbridge.embedded-kafka.enabled=true",
                        "credbridge.embedded-kafka.host=127.0.0.1",
                        "credbridge.embedded-kafka.port=19092",
                        "credbridge.embedded-kafka.controller-port=19093",
                        "credbridge.embedded-kafka.data-dir=/var/lib/credbridge/kafka")
                .run(it -> assertThat(it.getBean(EmbeddedKafkaProperties.class))
                        .isEqualTo(new EmbeddedKafkaProperties(
                                true, "127.0.0.1", 19092, 19093, Path.of("/var/lib/credbridge/kafka"), Map.of())));
    }

    @Test
    void rejectsAPortOutOfRangeNamingThePropertyToFix() {
        context.withPropertyValues("credbridge.embedded-kafka.port=70000")
                .run(it -> assertThat(it)
                        .getFailure()
                        .rootCause()
                        .message()
                        .contains("set credbridge.embedded-kafka.port to a port between 1 and 65535"));
    }

    @Test
    void rejectsAControllerPortEqualToTheBrokerPortWhenEnabled() {
        context.withPropertyValues(
                        "credbridge.embedded-kafka.enabled=true", "credbridge.embedded-kafka.controller-port=9092")
                .run(
                        it -> assertThat(it)
                                .getFailure()
                                .rootCause()
                                .message()
                                .contains(
                                        "set credbridge.embedded-kafka.controller-port to a port other than credbridge.embedded-kafka.port"));
    }

    @Test
    void ignoresClashingPortsWhileDisabled() {
        context.withPropertyValues("credbridge.embedded-kafka.controller-port=9092")
                .run(it -> assertThat(it).hasNotFailed());
    }

    @Test
    void rejectsABlankHostNamingThePropertyToFix() {
        context.withPropertyValues("credbridge.embedded-kafka.host= ")
                .run(it -> assertThat(it)
                        .getFailure()
                        .rootCause()
                        .message()
                        .contains("set credbridge.embedded-kafka.host"));
    }

    @EnableConfigurationProperties(EmbeddedKafkaProperties.class)
    static class Binding {}
}

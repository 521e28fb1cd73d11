package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedKafkaConfigurationTest {

    @Test
    void createsNoBrokerUnlessEnabled() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedKafkaConfiguration.class, Binding.class)
                .withPropertyValues("credbridge.embedded-kafka.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedKafkaBroker.class));
    }

    @EnableConfigurationProperties(EmbeddedKafkaProperties.class)
    static class Binding {}
}

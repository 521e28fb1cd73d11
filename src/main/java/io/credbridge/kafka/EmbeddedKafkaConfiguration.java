package io.credbridge.kafka;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Runs the embedded broker when {@code credbridge.embedded-kafka.enabled=true}.
 *
 * <p>The broker starts while its bean is created, so it is listening before the context is
 * refreshed, which is when Camel starts its Kafka consumers. On shutdown Spring stops Camel (a
 * {@link org.springframework.context.Lifecycle} bean) before it destroys singletons, so the broker
 * closes after Camel's consumers have committed and left.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("credbridge.embedded-kafka.enabled")
class EmbeddedKafkaConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy(false)
    EmbeddedKafkaBroker embeddedKafkaBroker(EmbeddedKafkaProperties properties) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(properties);
        broker.start();
        return broker;
    }
}

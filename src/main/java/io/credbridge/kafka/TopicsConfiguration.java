package io.credbridge.kafka;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    /**
     * Creates missing topics while the context starts: after the embedded broker (when there is one) and before
     * Camel starts its Kafka consumers, which it does only once every singleton exists.
     */
    @Bean
    TopicProvisioner topicProvisioner(
            @Value("${camel.component.kafka.brokers}") String brokers,
            TopicsProperties topics,
            KafkaClientProperties clients,
            ObjectProvider<EmbeddedKafkaBroker> embeddedBroker) {
        embeddedBroker.getIfAvailable(); // topics can only be created once the embedded broker is up
        TopicProvisioner provisioner = new TopicProvisioner(brokers, topics, clients);
        if (topics.create()) {
            provisioner.createMissingTopics();
        }
        return provisioner;
    }
}

package io.credbridge.kafka;

import java.time.Clock;
import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.stereotype.Component;

/**
 * The Kafka clients Camel creates for CredBridge's routes. Every producer gets {@link CloudEventsHeaderNames},
 * so each topic's records carry the CloudEvents binding's header names whichever route sends them. It is set
 * here rather than in the component's {@code interceptor-classes}, which consumers would share and refuse.
 * Every consumer in a group reports its progress to {@link ConsumerProgress}. Every client gets
 * {@link KafkaClientProperties} (the cluster's security settings) over what Camel configured.
 */
@Component("credBridgeKafkaClients")
class CredBridgeKafkaClients extends DefaultKafkaClientFactory {

    private final ConsumerProgress progress;
    private final Clock clock;
    private final KafkaClientProperties settings;

    CredBridgeKafkaClients(ConsumerProgress progress, Clock clock, KafkaClientProperties settings) {
        this.progress = progress;
        this.clock = clock;
        this.settings = settings;
    }

    /** Consumers in a group report their membership, partitions and lag, which health checks read. */
    @Override
    public Consumer<?, ?> getConsumer(Properties kafkaProps) {
        Properties props = settings.over(kafkaProps);
        if (props.getProperty(ConsumerConfig.GROUP_ID_CONFIG) == null) {
            return super.getConsumer(props);
        }
        return new ObservedKafkaConsumer<>(props, progress, clock);
    }

    @Override
    public Producer<?, ?> getProducer(Properties kafkaProps) {
        Properties props = settings.over(kafkaProps);
        props.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, interceptors(kafkaProps));
        return super.getProducer(props);
    }

    static String interceptors(Properties kafkaProps) {
        Object configured = kafkaProps.get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG);
        String ours = CloudEventsHeaderNames.class.getName();
        if (configured == null || configured.toString().isBlank()) {
            return ours;
        }
        return configured.toString().contains(ours) ? configured.toString() : configured + "," + ours;
    }
}

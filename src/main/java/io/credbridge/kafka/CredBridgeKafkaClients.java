package io.credbridge.kafka;

import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.stereotype.Component;

/**
 * The Kafka clients Camel creates for CredBridge's routes. Every producer gets {@link CloudEventsHeaderNames},
 * so each topic's records carry the CloudEvents binding's header names whichever route sends them. It is set
 * here rather than in the component's {@code interceptor-classes}, which consumers would share and refuse.
 */
@Component("credBridgeKafkaClients")
class CredBridgeKafkaClients extends DefaultKafkaClientFactory {

    @Override
    public Producer<?, ?> getProducer(Properties kafkaProps) {
        Properties props = new Properties();
        props.putAll(kafkaProps);
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

package io.credbridge.ingest.openedx;

import io.credbridge.kafka.KafkaClientProperties;
import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The consumer of the campus's event bus, with the campus broker's client settings
 * (credbridge.ingest.openedx.client-properties) instead of CredBridge's own cluster's.
 */
class OpenEdxKafkaClients extends DefaultKafkaClientFactory {

    private final KafkaClientProperties settings;

    OpenEdxKafkaClients(KafkaClientProperties settings) {
        this.settings = settings;
    }

    @Override
    public Consumer<?, ?> getConsumer(Properties kafkaProps) {
        return super.getConsumer(settings.over(kafkaProps));
    }
}

package io.credbridge.deadletter;

import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DeadLetterReplay deadLetterReplay(
            DeadLetterStore store,
            ReprocessableEvents processedEvents,
            OutboxStore outbox,
            OutboxRelay relay,
            ProducerTemplate routes,
            ObjectProvider<IngestedPayloads> ingestedPayloads,
            TransactionTemplate transactions,
            CloudEventsProperties cloudEvents,
            Clock clock) {
        // routes/dead-letter-replay.camel.yaml publishes to the learning-events topic
        return new DeadLetterReplay(
                store,
                processedEvents,
                outbox,
                relay,
                records -> routes.requestBody("direct:dead-letter-replay", records),
                ingestedPayloads.orderedStream().toList(),
                transactions,
                cloudEvents,
                clock);
    }
}

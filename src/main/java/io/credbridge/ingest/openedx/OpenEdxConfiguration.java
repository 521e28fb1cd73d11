package io.credbridge.ingest.openedx;

import io.credbridge.deadletter.IngestDeadLetters;
import io.credbridge.ingest.LearningEventRecords;
import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

@Configuration(proxyBeanMethods = false)
class OpenEdxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenEdxConfiguration.class);

    @Bean
    OpenEdxRecords openEdxRecords(OpenEdxIngestProperties properties, NamedParameterJdbcTemplate jdbc, Clock clock) {
        SchemaRegistry registry = properties.schemaRegistryUrl().isEmpty()
                ? null
                : new SchemaRegistry(properties.schemaRegistryUrl(), properties.schemaRegistryTimeout());
        return new OpenEdxRecords(
                new OpenEdxEventDecoder(OpenEdxSchemas.shipped(), registry),
                new OpenEdxEventNormalizer(properties.lmsUrl(), new CertificateHistory(jdbc)),
                clock);
    }

    /** Always defined, since routes/ingest-openedx.camel.yaml names it; it reads the event bus only when enabled. */
    @Bean
    OpenEdxIngest openEdxIngest(
            OpenEdxIngestProperties properties,
            OpenEdxRecords openEdxRecords,
            IngestDeadLetters deadLetters,
            CredBridgeMetrics metrics) {
        if (properties.enabled()) {
            log.info(
                    "Open edX event bus: reading {} from {} as group {} ({})",
                    properties.topics(),
                    properties.bootstrapServers(),
                    properties.groupId(),
                    properties.schemaRegistryUrl().isEmpty()
                            ? "decoded with the shipped openedx-events schemas"
                            : "writer schemas from " + properties.schemaRegistryUrl());
        }
        return new OpenEdxIngest(openEdxRecords, deadLetters, metrics);
    }

    @Bean
    OpenEdxKafkaClients openEdxKafkaClients(OpenEdxIngestProperties properties) {
        return new OpenEdxKafkaClients(properties.kafkaClientProperties());
    }

    @Bean
    OpenEdxReplay openEdxReplay(OpenEdxRecords openEdxRecords, LearningEventRecords records) {
        return new OpenEdxReplay(openEdxRecords, records);
    }
}

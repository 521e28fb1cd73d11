package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientPropertiesTest {

    private static final String SCRAM =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";";

    @Test
    void theClusterSettingsWinOverWhatTheClientWasGiven() {
        KafkaClientProperties settings = new KafkaClientProperties(
                Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", SCRAM));

        Properties merged = settings.over(Map.of("security.protocol", "PLAINTEXT", "bootstrap.servers", "k:9092"));

        assertThat(merged)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "k:9092");
    }

    @Test
    void settingsThatAreNotKafkasOrThatCredBridgeOwnsStopStartupNamingEach() {
        assertThatThrownBy(() -> new KafkaClientProperties(
                        Map.of("security.protcol", "SASL_SSL", "bootstrap.servers", "k:9092", "group.id", "mine")))
                .hasMessageContaining("credbridge.kafka.client-properties.[security.protcol] is not a Kafka client")
                .hasMessageContaining("[bootstrap.servers] cannot be set here: set camel.component.kafka.brokers")
                .hasMessageContaining("[group.id] cannot be set here");
    }

    @Test
    void saslWithoutALoginOrAnUnknownProtocolStopsStartupSayingWhatToSet() {
        assertThatThrownBy(() -> new KafkaClientProperties(
                        Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-256")))
                .hasMessageContaining("[sasl.jaas.config] is needed for SASL_SSL with sasl.mechanism SCRAM-SHA-256");
        assertThatThrownBy(() -> new KafkaClientProperties(Map.of("security.protocol", "TLS")))
                .hasMessageContaining("must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, was TLS");
    }

    @Test
    void kerberosNeedsNoLoginHereAndNoSettingsIsFine() {
        assertThat(new KafkaClientProperties(Map.of("security.protocol", "SASL_SSL")).clientProperties())
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(new KafkaClientProperties(null).clientProperties()).isEmpty();
    }

    @Test
    void itsDescriptionNamesTheSettingsButNeverTheirValues() {
        assertThat(new KafkaClientProperties(Map.of("sasl.jaas.config", SCRAM, "sasl.mechanism", "PLAIN")))
                .hasToString("KafkaClientProperties[sasl.jaas.config, sasl.mechanism]");
    }
}

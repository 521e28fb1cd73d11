package io.credbridge.ingest.openedx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenEdxIngestPropertiesTest {

    static final List<String> TOPICS = List.of("prod-learning-certificate-lifecycle");

    @Test
    void offItNeedsNeitherBrokerNorLms() {
        OpenEdxIngestProperties off = properties(false, "", TOPICS, "", "", Map.of());

        assertThat(off.enabled()).isFalse();
    }

    @Test
    void onItNeedsTheCampusBrokerAndTheLmsAddressAndSaysWhatToSet() {
        assertThatThrownBy(() -> properties(true, "", TOPICS, "courses.example.edu", "", Map.of()))
                .hasMessageContaining("credbridge.ingest.openedx.bootstrap-servers is needed")
                .hasMessageContaining("credbridge.ingest.openedx.lms-url must be the LMS's https:// address")
                .hasMessageContaining("was 'courses.example.edu'");
        assertThatThrownBy(() -> properties(true, "kafka:9092", List.of(), "https://courses.example.edu", "", Map.of()))
                .hasMessageContaining("credbridge.ingest.openedx.topics must name the event bus topics");
    }

    @Test
    void theLmsAndRegistryAddressesLoseATrailingSlash() {
        OpenEdxIngestProperties on = properties(
                true, "kafka:9092", TOPICS, "https://courses.example.edu/", "https://registry.example.edu/", Map.of());

        assertThat(on.lmsUrl()).isEqualTo("https://courses.example.edu");
        assertThat(on.schemaRegistryUrl()).isEqualTo("https://registry.example.edu");
    }

    @Test
    void clientSettingsAreCheckedLikeCredBridgesOwnAndNamedUnderThisSource() {
        assertThatThrownBy(() -> properties(
                        true,
                        "kafka:9092",
                        TOPICS,
                        "https://courses.example.edu",
                        "",
                        Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512")))
                .hasMessageContaining("credbridge.ingest.openedx.client-properties.[sasl.jaas.config] is needed");
        assertThatThrownBy(() -> properties(
                        true, "kafka:9092", TOPICS, "https://courses.example.edu", "", Map.of("group.id", "x")))
                .hasMessageContaining("credbridge.ingest.openedx.client-properties.[group.id] cannot be set here");
    }

    @Test
    void theClientSettingsValuesNeverShowInItsDescription() {
        OpenEdxIngestProperties on = properties(
                true,
                "kafka:9092",
                TOPICS,
                "https://courses.example.edu",
                "",
                Map.of(
                        "security.protocol",
                        "SASL_SSL",
                        "sasl.mechanism",
                        "PLAIN",
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"s3cret\";"));

        assertThat(on.toString()).contains("sasl.jaas.config").doesNotContain("s3cret");
    }

    private static OpenEdxIngestProperties properties(
            boolean enabled,
            String brokers,
            List<String> topics,
            String lms,
            String registry,
            Map<String, String> client) {
        return new OpenEdxIngestProperties(
                enabled, brokers, topics, "credbridge-openedx", lms, registry, Duration.ofSeconds(5), 500, client);
    }
}

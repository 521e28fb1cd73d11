package io.credbridge.ingest.openedx;

import io.credbridge.kafka.KafkaClientProperties;
import io.credbridge.ops.HttpAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the campus's Open edX event bus is and how to read it.
 *
 * @param enabled whether CredBridge reads the event bus at all ({@code credbridge.ingest.openedx.enabled})
 * @param bootstrapServers the campus broker(s) edx-platform publishes to, e.g. {@code kafka.lms.example.edu:9092}; it
 *     need not be the cluster CredBridge publishes to
 * @param topics the full topic names, with the deployment's EVENT_BUS_TOPIC_PREFIX, e.g. {@code
 *     prod-learning-certificate-lifecycle}
 * @param groupId the consumer group CredBridge reads them in; offsets commit only once the LearningEvents are on
 *     CredBridge's topic
 * @param lmsUrl the LMS's address (its LMS_ROOT_URL), e.g. {@code https://courses.example.edu}: the namespace of the
 *     learner's username and the prefix of the course IRIs, {@code <lms-url>/courses/<course key>}
 * @param schemaRegistryUrl a Confluent-compatible schema registry; blank decodes with the schemas CredBridge ships
 *     (openedx-events' own), which is right as long as the LMS runs a compatible openedx-events
 * @param schemaRegistryTimeout how long one schema lookup may take
 * @param maxPollRecords the most records one poll (one publish and one commit) takes
 * @param clientProperties Kafka client settings for the campus broker (security.protocol, sasl.*, ssl.*), under
 *     Kafka's own names as credbridge.kafka.client-properties takes them
 */
@ConfigurationProperties("credbridge.ingest.openedx")
public record OpenEdxIngestProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String bootstrapServers,

        @DefaultValue("learning-certificate-lifecycle,learning-badges-lifecycle")
        List<String> topics,

        @DefaultValue("credbridge-openedx") String groupId,
        @DefaultValue("") String lmsUrl,
        @DefaultValue("") String schemaRegistryUrl,
        @DefaultValue("5s") Duration schemaRegistryTimeout,
        @DefaultValue("500") int maxPollRecords,
        Map<String, String> clientProperties) {

    static final String PREFIX = "credbridge.ingest.openedx";

    public OpenEdxIngestProperties {
        topics = topics == null ? List.of() : List.copyOf(topics);
        bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.strip();
        lmsUrl = lmsUrl == null ? "" : HttpAddress.withoutTrailingSlash(lmsUrl.strip());
        schemaRegistryUrl =
                schemaRegistryUrl == null ? "" : HttpAddress.withoutTrailingSlash(schemaRegistryUrl.strip());
        clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
        List<String> problems = new ArrayList<>();
        if (enabled) {
            if (bootstrapServers.isEmpty()) {
                problems.add(PREFIX + ".bootstrap-servers is needed: the campus broker(s) Open edX publishes to, e.g."
                        + " kafka.lms.example.edu:9092");
            }
            if (topics.isEmpty() || topics.stream().anyMatch(topic -> topic == null || topic.isBlank())) {
                problems.add(PREFIX + ".topics must name the event bus topics, with the deployment's prefix, e.g."
                        + " prod-learning-certificate-lifecycle");
            }
            if (groupId == null || groupId.isBlank()) {
                problems.add(PREFIX + ".group-id must not be blank");
            }
            if (!HttpAddress.isAbsoluteHttp(lmsUrl)) {
                problems.add(PREFIX + ".lms-url must be the LMS's https:// address (LMS_ROOT_URL), e.g."
                        + " https://courses.example.edu; was '" + lmsUrl + "'");
            }
        }
        if (!schemaRegistryUrl.isEmpty() && !HttpAddress.isAbsoluteHttp(schemaRegistryUrl)) {
            problems.add(PREFIX + ".schema-registry-url must be an http(s):// address, e.g."
                    + " https://schema-registry.example.edu, or blank for the shipped schemas; was '"
                    + schemaRegistryUrl
                    + "'");
        }
        if (schemaRegistryTimeout == null || schemaRegistryTimeout.isNegative() || schemaRegistryTimeout.isZero()) {
            problems.add(PREFIX + ".schema-registry-timeout must be positive, e.g. 5s");
        }
        if (maxPollRecords < 1) {
            problems.add(PREFIX + ".max-poll-records must be at least 1, was " + maxPollRecords);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        KafkaClientProperties.of(PREFIX + ".client-properties", clientProperties);
    }

    /** The campus broker's client settings, checked as CredBridge's own are. */
    KafkaClientProperties kafkaClientProperties() {
        return KafkaClientProperties.of(PREFIX + ".client-properties", clientProperties);
    }

    /** For logs: never the client settings' values (a JAAS config holds a password). */
    @Override
    public String toString() {
        return "OpenEdxIngestProperties[bootstrapServers=" + bootstrapServers + ", topics=" + topics + ", groupId="
                + groupId + ", lmsUrl=" + lmsUrl + ", schemaRegistryUrl=" + schemaRegistryUrl + ", clientProperties="
                + clientProperties.keySet() + "]";
    }
}

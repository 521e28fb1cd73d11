package io.credbridge.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka client settings, under Kafka's own names, given to every client CredBridge creates: the routes' producers
 * and consumers, and the admin clients that create topics and check health. This is where a cluster's security goes
 * ({@code security.protocol: SASL_SSL}, {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.*}),
 * so that no client is left talking plaintext to a listener that wants SASL.
 *
 * @param clientProperties e.g. {@code credbridge.kafka.client-properties.[security.protocol]=SASL_SSL}, or from the
 *     environment {@code CREDBRIDGE_KAFKA_CLIENTPROPERTIES_SECURITY_PROTOCOL=SASL_SSL}
 */
@ConfigurationProperties("credbridge.kafka")
public record KafkaClientProperties(Map<String, String> clientProperties) {

    static final String PREFIX = "credbridge.kafka.client-properties";

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    /** Settings CredBridge sets itself, each for a reason its configuration says elsewhere. */
    private static final Map<String, String> OWN = Map.of(
            "bootstrap.servers", "set camel.component.kafka.brokers",
            "key.serializer", "CredBridge's topics carry string keys and Avro values",
            "value.serializer", "CredBridge's topics carry string keys and Avro values",
            "key.deserializer", "CredBridge's topics carry string keys and Avro values",
            "value.deserializer", "CredBridge's topics carry string keys and Avro values",
            "group.id", "each route names its consumer group",
            "enable.idempotence", "exactly-once relies on the idempotent producer");

    public KafkaClientProperties {
        clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
        refuseProblems(PREFIX, clientProperties);
    }

    /**
     * Client settings for another cluster CredBridge reads from (e.g. a campus's Open edX event bus), checked the same
     * way and named under {@code prefix} in what is wrong with them.
     */
    public static KafkaClientProperties of(String prefix, Map<String, String> clientProperties) {
        Map<String, String> settings = clientProperties == null ? Map.of() : clientProperties;
        refuseProblems(prefix, settings);
        return new KafkaClientProperties(settings);
    }

    private static void refuseProblems(String prefix, Map<String, String> settings) {
        List<String> problems = problems(prefix, settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public static KafkaClientProperties none() {
        return new KafkaClientProperties(Map.of());
    }

    /** These settings over {@code base}: where both name a setting, this configuration wins. */
    public Properties over(Map<?, ?> base) {
        Properties merged = new Properties();
        merged.putAll(base);
        merged.putAll(clientProperties);
        return merged;
    }

    private static List<String> problems(String prefix, Map<String, String> settings) {
        Set<String> known = Stream.of(
                        ProducerConfig.configNames(), ConsumerConfig.configNames(), AdminClientConfig.configNames())
                .flatMap(Set::stream)
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        settings.keySet().stream().sorted(Comparator.naturalOrder()).forEach(name -> {
            if (OWN.containsKey(name)) {
                problems.add(prefix + ".[" + name + "] cannot be set here: " + OWN.get(name));
            } else if (!known.contains(name)) {
                problems.add(prefix + ".[" + name + "] is not a Kafka client setting (for example security.protocol,"
                        + " sasl.mechanism, sasl.jaas.config, ssl.truststore.location)");
            }
        });
        String protocol = settings.get("security.protocol");
        if (protocol != null && !PROTOCOLS.contains(protocol.strip().toUpperCase(Locale.ROOT))) {
            problems.add(prefix + ".[security.protocol] must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, was "
                    + protocol);
        }
        String mechanism = settings.getOrDefault("sasl.mechanism", "GSSAPI");
        if (protocol != null
                && protocol.strip().toUpperCase(Locale.ROOT).startsWith("SASL_")
                && !"GSSAPI".equalsIgnoreCase(mechanism.strip())
                && blank(settings.get("sasl.jaas.config"))) {
            problems.add(prefix + ".[sasl.jaas.config] is needed for " + protocol + " with sasl.mechanism "
                    + mechanism + ", e.g. org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"credbridge\" password=\"...\";");
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** For logs: the setting names, never their values (a JAAS config holds a password). */
    @Override
    public String toString() {
        return "KafkaClientProperties" + new TreeMap<>(clientProperties).keySet();
    }
}

package io.credbridge.badge;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.Default4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.config.IdOption;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import io.credbridge.avro.BadgeIssuance;
import io.credbridge.outbox.DeliveryDeferred;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Schema-registry mode: the Apicurio Avro serde writes the value as Confluent's wire format does (magic byte 0, the
 * schema's 4-byte content id, the Avro binary datum), so Apicurio and Confluent deserializers both read it, the latter
 * through the registry's Confluent-compatible API. Nothing goes in record headers: the CloudEvents headers stay as
 * they are in registry-free mode.
 *
 * <p>The serde looks the schema up (or registers it) on the first send and caches the id; when the registry cannot
 * be reached the send throws, and the outbox retries it as it retries a broker outage.
 */
final class RegistryEncoding implements BadgeIssuanceEncoding, AutoCloseable {

    private final AvroKafkaSerializer<BadgeIssuance> serializer;
    private final String topic;
    private final String registryUrl;

    private RegistryEncoding(AvroKafkaSerializer<BadgeIssuance> serializer, String topic, String registryUrl) {
        this.serializer = serializer;
        this.topic = topic;
        this.registryUrl = registryUrl;
    }

    static RegistryEncoding of(BadgeSerializationProperties.Registry registry, String topic) {
        AvroKafkaSerializer<BadgeIssuance> serializer = new AvroKafkaSerializer<>();
        serializer.configure(serdeConfig(registry), false);
        return new RegistryEncoding(serializer, topic, registry.url());
    }

    /** The serde settings; the wire format is set explicitly rather than left to the serde's defaults. */
    static Map<String, Object> serdeConfig(BadgeSerializationProperties.Registry registry) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registry.coreApi());
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, registry.autoRegister());
        config.put(KafkaSerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.ID_HANDLER, Default4ByteIdHandler.class.getName());
        config.put(SerdeConfig.USE_ID, IdOption.contentId.name());
        // One self-contained schema (BadgeAction and CredentialSummary inline), as Avro's own parser and every
        // Confluent client read it; the serde would otherwise register each named type as a reference of its own.
        config.put(SchemaResolverConfig.DEREFERENCE_SCHEMA, true);
        // The JDK's HttpClient rather than the default Vert.x, which Boot 4.1's Netty 4.2 is not made for (pom.xml).
        config.put(SerdeConfig.HTTP_ADAPTER, "JDK");
        if (!registry.username().isEmpty()) {
            config.put(SerdeConfig.AUTH_USERNAME, registry.username());
            config.put(SerdeConfig.AUTH_PASSWORD, registry.password());
        }
        if (!registry.tokenEndpoint().isEmpty()) {
            config.put(SerdeConfig.AUTH_TOKEN_ENDPOINT, registry.tokenEndpoint());
            config.put(SerdeConfig.AUTH_CLIENT_ID, registry.clientId());
            config.put(SerdeConfig.AUTH_CLIENT_SECRET, registry.clientSecret());
        }
        return config;
    }

    /**
     * @throws DeliveryDeferred when the registry could not be reached, so that the outbox log and the event's last
     *     error name the registry rather than a bare socket exception; it is retried like any failed send
     */
    @Override
    public byte[] encode(BadgeIssuance issuance) {
        try {
            return serializer.serialize(topic, issuance);
        } catch (RuntimeException e) {
            IOException unreachable = ioCauseOf(e);
            if (unreachable == null) {
                throw e;
            }
            throw new DeliveryDeferred(
                    "The schema registry at " + registryUrl + " could not be reached for the BadgeIssuance schema ("
                            + unreachable.getClass().getSimpleName()
                            + (unreachable.getMessage() == null ? "" : ": " + unreachable.getMessage())
                            + ")",
                    Duration.ZERO,
                    e);
        }
    }

    private static IOException ioCauseOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    @Override
    public void close() {
        serializer.close();
    }
}

package io.credbridge.kafka;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process Kafka broker, the zero-setup local default.
 *
 * @param enabled whether to run the broker inside the application
 * @param host the name clients use to reach the broker; it also listens on this address
 * @param port the port Kafka clients connect to
 * @param controllerPort the port of the KRaft controller inside the same process
 * @param dataDir where topics, offsets and cluster metadata are kept across restarts
 * @param brokerProperties Kafka server settings over CredBridge's single-node ones, e.g. a SASL listener to try
 *     {@code credbridge.kafka.client-properties} against: {@code [listener.security.protocol.map]:
 *     PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT} keeps the listener's name and makes it want SASL
 */
@ConfigurationProperties("credbridge.embedded-kafka")
@Validated
public record EmbeddedKafkaProperties(
        boolean enabled,

        @DefaultValue("localhost")
        @NotBlank(
                message =
                        "set credbridge.embedded-kafka.host to the host name clients use to reach the broker, e.g. localhost")
        String host,

        @DefaultValue("9092")
        @Min(value = 1, message = "set credbridge.embedded-kafka.port to a port between 1 and 65535, e.g. 9092")
        @Max(value = 65535, message = "set credbridge.embedded-kafka.port to a port between 1 and 65535, e.g. 9092")
        int port,

        @DefaultValue("9093")
        @Min(
                value = 1,
                message = "set credbridge.embedded-kafka.controller-port to a port between 1 and 65535, e.g. 9093")
        @Max(
                value = 65535,
                message = "set credbridge.embedded-kafka.controller-port to a port between 1 and 65535, e.g. 9093")
        int controllerPort,

        @DefaultValue("credbridge-data/kafka")
        @NotNull(message = "set credbridge.embedded-kafka.data-dir to a writable directory, e.g. credbridge-data/kafka")
        Path dataDir,

        Map<String, String> brokerProperties) {

    public EmbeddedKafkaProperties {
        brokerProperties = brokerProperties == null ? Map.of() : Map.copyOf(brokerProperties);
    }

    /** The local default on the given ports, for tests and tools that start a broker themselves. */
    public static EmbeddedKafkaProperties of(Path dataDir, int port, int controllerPort) {
        return new EmbeddedKafkaProperties(true, "localhost", port, controllerPort, dataDir, Map.of());
    }

    @AssertTrue(
            message =
                    "set credbridge.embedded-kafka.controller-port to a port other than credbridge.embedded-kafka.port")
    boolean isControllerPortDistinct() {
        return !enabled || port != controllerPort;
    }
}

package io.credbridge.testsupport;

import io.credbridge.kafka.EmbeddedKafkaBroker;
import io.credbridge.kafka.EmbeddedKafkaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;

/**
 * One real KRaft broker for the integration tests that run CredBridge against an external Kafka, started on
 * free ports the first time a test asks for it and stopped when the test JVM exits.
 */
public final class TestKafkaBroker {

    private static EmbeddedKafkaBroker broker;

    private TestKafkaBroker() {}

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                EmbeddedKafkaBroker started = new EmbeddedKafkaBroker(EmbeddedKafkaProperties.of(
                        Files.createTempDirectory("credbridge-test-kafka"), freePort(), freePort()));
                started.start();
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-kafka-shutdown"));
                broker = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker.bootstrapServers();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.credbridge.testsupport;

import io.credbridge.kafka.EmbeddedKafkaBroker;
import io.credbridge.kafka.EmbeddedKafkaProperties;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A Kafka broker in a process of its own, for fault tests that kill the application alone: {@code port
 * controllerPort dataDir}. Prints {@link #READY} once clients can connect, and stops when its standard input closes,
 * so it never outlives the test that started it.
 */
public final class StandaloneKafka {

    public static final String READY = "STANDALONE-KAFKA-READY";

    private StandaloneKafka() {}

    public static void main(String[] args) throws IOException {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                EmbeddedKafkaProperties.of(Path.of(args[2]), Integer.parseInt(args[0]), Integer.parseInt(args[1])));
        broker.start();
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // Waits for the parent to go away.
        }
        broker.close();
        System.exit(0);
    }
}

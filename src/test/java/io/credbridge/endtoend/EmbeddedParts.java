package io.credbridge.endtoend;

import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The zero-setup parts (embedded broker, H2 file database, CSV directory) on free ports in a fresh directory. */
final class EmbeddedParts {

    private EmbeddedParts() {}

    static void register(DynamicPropertyRegistry registry, String directoryPrefix) throws IOException {
        Path data = Files.createTempDirectory(directoryPrefix);
        int port = TestKafkaBroker.freePort();
        int controllerPort = TestKafkaBroker.freePort();
        registry.add("credbridge.embedded-kafka.port", () -> port);
        registry.add("credbridge.embedded-kafka.controller-port", () -> controllerPort);
        registry.add(
                "credbridge.embedded-kafka.data-dir",
                () -> data.resolve("kafka").toString());
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + data.resolve("db").resolve("credbridge")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add(
                "credbridge.transcript.csv.directory",
                () -> data.resolve("sis-import").toString());
    }

    /**
     * What most end-to-end applications run on: the embedded parts in a fresh {@code credbridge-<name>} directory,
     * the test credentials (every /api and xAPI call needs them) and topics of its own named {@code <name>.*}.
     */
    static void registerApplication(DynamicPropertyRegistry registry, String name) throws IOException {
        register(registry, "credbridge-" + name);
        TestCredentials.register(registry);
        ownTopics(registry, name);
    }

    /**
     * Topics of the application's own, named {@code <prefix>.<topic>.v1}: other test applications, kept alive by the
     * test context cache, consume the shared ones on the same broker.
     */
    static void ownTopics(DynamicPropertyRegistry registry, String prefix) {
        registry.add("credbridge.topics.learning-events", () -> prefix + ".learning-events.v1");
        registry.add("credbridge.topics.badge-issuance", () -> prefix + ".badge-issuance.v1");
        registry.add("credbridge.topics.dead-letter", () -> prefix + ".dead-letter.v1");
    }
}

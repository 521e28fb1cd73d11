package io.credbridge.endtoend;

import io.credbridge.testsupport.TestKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What {@code mvn spring-boot:run} runs: the embedded broker started by CredBridge itself, the embedded H2
 * database in PostgreSQL mode, the bundled demo catalog. Only ports and directories differ, so tests neither
 * clash with a running CredBridge nor leave files behind.
 */
class EmbeddedDefaultsEndToEndIT extends EndToEndScenarios {

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("credbridge-embedded");
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
        FastRetries.register(registry);
    }
}

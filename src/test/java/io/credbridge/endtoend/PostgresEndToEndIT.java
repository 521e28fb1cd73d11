package io.credbridge.endtoend;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TestKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production shape: PostgreSQL and a Kafka broker that CredBridge does not start itself. */
@RequiresPostgres
class PostgresEndToEndIT extends EndToEndScenarios {

    @DynamicPropertySource
    static void productionParts(DynamicPropertyRegistry registry) throws IOException {
        PostgresTestDatabase.Connection.Settings db = PostgresTestDatabase.newSchema();
        Path sisImport = Files.createTempDirectory("credbridge-sis-import");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.flyway.schemas", db::schema);
        registry.add("credbridge.embedded-kafka.enabled", () -> "false");
        registry.add("camel.component.kafka.brokers", TestKafkaBroker::bootstrapServers);
        registry.add("credbridge.transcript.csv.directory", sisImport::toString);
        FastRetries.register(registry);
    }
}

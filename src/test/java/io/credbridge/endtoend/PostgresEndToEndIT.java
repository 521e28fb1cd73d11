package io.credbridge.endtoend;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
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
        PostgresTestDatabase.registerWithTestBroker(registry);
        Path sisImport = Files.createTempDirectory("credbridge-sis-import");
        registry.add("credbridge.transcript.csv.directory", sisImport::toString);
        FastRetries.register(registry);
    }
}

package io.credbridge.endtoend;

import java.io.IOException;
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
        EmbeddedParts.register(registry, "credbridge-embedded");
        FastRetries.register(registry);
    }
}

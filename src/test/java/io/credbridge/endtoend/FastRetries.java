package io.credbridge.endtoend;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Outbox retry settings that give up within a test's patience instead of production's hour. */
final class FastRetries {

    private FastRetries() {}

    static void register(DynamicPropertyRegistry registry) {
        registry.add("credbridge.outbox.max-attempts", () -> "3");
        registry.add("credbridge.outbox.first-retry-delay", () -> "100ms");
        registry.add("credbridge.outbox.max-retry-delay", () -> "200ms");
        registry.add("credbridge.outbox.poll-interval", () -> "100ms");
    }
}

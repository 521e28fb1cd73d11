package io.credbridge.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * Something to deliver after the transaction that decided it commits. {@code eventId} is stable across
 * redeliveries (it becomes the CloudEvents id), so receivers can deduplicate.
 */
public record OutboxEvent(
        String eventId,
        Destination destination,
        String aggregateType,
        String aggregateId,
        String eventType,
        String payload,
        Instant createdAt,
        int attempts) {

    public static OutboxEvent of(
            Destination destination,
            String aggregateType,
            String aggregateId,
            String eventType,
            String payload,
            Instant now) {
        return new OutboxEvent(
                UUID.randomUUID().toString(), destination, aggregateType, aggregateId, eventType, payload, now, 0);
    }
}

package io.credbridge.outbox;

import io.credbridge.jdbc.TimeOrderedIds;
import java.time.Instant;

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
                TimeOrderedIds.next(), destination, aggregateType, aggregateId, eventType, payload, now, 0);
    }
}

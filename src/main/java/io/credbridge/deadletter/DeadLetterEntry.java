package io.credbridge.deadletter;

import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.ops.PersonalData;
import io.credbridge.outbox.OutboxEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** One thing that could not be processed: why, where it came from, and the payload byte for byte. */
public record DeadLetterEntry(
        String deadLetterId,
        Stage stage,
        String reason,
        String errorType,
        String eventId,
        String source,
        String originTopic,
        Integer originPartition,
        Long originOffset,
        String originKey,
        String payloadContentType,
        byte[] payload,
        Instant createdAt,
        Status status,
        Instant replayedAt) {

    /**
     * The reason is read by integrators through the API, and quotes whatever the failure quoted (a database error
     * quotes the value it refused, often a learner's e-mail address), so addresses in it are pseudonymized; the payload
     * stays byte for byte, for replay.
     */
    public DeadLetterEntry {
        reason = PersonalData.mask(reason);
    }

    public enum Status {
        NEW,
        REPLAYED
    }

    /** A learning event record the award stage could not use; {@code eventId} is null when it could not be read. */
    public static DeadLetterEntry ofRecord(
            ConsumedRecord record, String eventId, String source, String reason, String errorType, Instant now) {
        return new DeadLetterEntry(
                UUID.randomUUID().toString(),
                Stage.AWARD,
                reason,
                errorType,
                eventId,
                source,
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                "application/avro",
                record.value() == null ? new byte[0] : record.value(),
                now,
                Status.NEW,
                null);
    }

    /**
     * Input a source delivered that CredBridge could not read, e.g. a message taken off a queue.
     *
     * @param deadLetterId derived from where the input came from, so the same delivery is never filed twice
     * @param origin where it was read from (a queue URL)
     * @param originKey the source's id of the delivery (an SQS message id)
     */
    public static DeadLetterEntry ofIngest(
            String deadLetterId,
            String source,
            String origin,
            String originKey,
            String reason,
            String errorType,
            byte[] payload,
            Instant now) {
        return new DeadLetterEntry(
                deadLetterId,
                Stage.INGEST,
                reason,
                errorType,
                null,
                source,
                origin,
                null,
                null,
                originKey,
                "application/json",
                payload,
                now,
                Status.NEW,
                null);
    }

    /** An outbox event whose delivery was given up; replay resubmits it under the same id. */
    public static DeadLetterEntry ofOutboxEvent(OutboxEvent event, String reason, String errorType, Instant now) {
        return new DeadLetterEntry(
                UUID.randomUUID().toString(),
                Stage.of(event.destination()),
                reason,
                errorType,
                event.eventId(),
                null,
                null,
                null,
                null,
                event.aggregateId(),
                "application/json",
                event.payload().getBytes(StandardCharsets.UTF_8),
                now,
                Status.NEW,
                null);
    }
}

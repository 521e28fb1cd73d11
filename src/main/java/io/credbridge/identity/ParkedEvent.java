package io.credbridge.identity;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.kafka.ConsumedRecord;
import java.time.Instant;
import java.util.List;

/**
 * An event the award stage could not use yet because no SIS person id is known for its learner: the record as it
 * was consumed (origin and Avro bytes), so it can be evaluated again exactly as it arrived, and the learner
 * identifiers a new mapping finds it by.
 *
 * @param source the ingest channel, or null when unknown
 * @param identifiers the learner identifiers the event carries, in its order
 * @param key the record's Kafka key, or null
 * @param payload the record's value: the Avro LearningEvent bytes
 */
public record ParkedEvent(
        String eventId,
        String source,
        List<LearnerMappingKey> identifiers,
        String topic,
        int partition,
        long offset,
        String key,
        byte[] payload,
        String reason,
        Instant parkedAt) {

    public ParkedEvent {
        identifiers = List.copyOf(identifiers);
    }

    public static ParkedEvent of(
            ConsumedRecord record,
            String eventId,
            String source,
            List<LearnerIdentifier> identifiers,
            String reason,
            Instant now) {
        return new ParkedEvent(
                eventId,
                source,
                identifiers.stream().map(LearnerMappingKey::of).toList(),
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value(),
                reason,
                now);
    }

    /** The record as the award stage consumed it, to evaluate again. */
    public ConsumedRecord record() {
        return new ConsumedRecord(topic, partition, offset, key, payload);
    }

    public List<LearnerIdentifier> learnerIdentifiers() {
        return identifiers.stream().map(LearnerMappingKey::toIdentifier).toList();
    }
}

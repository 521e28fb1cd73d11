package io.credbridge.deadletter;

import io.credbridge.avro.DeadLetter;
import io.credbridge.kafka.CloudEventHeaders;
import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.kafka.OutgoingRecord;
import io.credbridge.outbox.OutboxEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Maps dead letters to records on the dead-letter topic. Besides the CloudEvents headers, each record describes
 * itself in {@code dlt_*} headers (stage, reason, error, origin), so an operator can triage with any console
 * consumer without decoding Avro.
 */
@Component("deadLetterRecords")
public class DeadLetterRecords {

    static final String TYPE = "io.credbridge.dead-letter.v1";

    private final DeadLetterStore store;
    private final CloudEventsProperties cloudEvents;

    public DeadLetterRecords(DeadLetterStore store, CloudEventsProperties cloudEvents) {
        this.store = store;
        this.cloudEvents = cloudEvents;
    }

    public List<OutgoingRecord> of(List<OutboxEvent> events) {
        Map<String, DeadLetterEntry> entries =
                store.findAll(events.stream().map(OutboxEvent::aggregateId).toList()).stream()
                        .collect(Collectors.toMap(DeadLetterEntry::deadLetterId, Function.identity()));
        return events.stream()
                .map(event -> {
                    DeadLetterEntry entry = entries.get(event.aggregateId());
                    if (entry == null) {
                        throw new IllegalStateException("dead letter " + event.aggregateId() + " is not in the table");
                    }
                    return toRecord(event, entry);
                })
                .toList();
    }

    private OutgoingRecord toRecord(OutboxEvent event, DeadLetterEntry entry) {
        Map<String, String> headers = new LinkedHashMap<>(
                CloudEventHeaders.of(event.eventId(), TYPE, cloudEvents.sourceOf("dead-letter"), entry.createdAt()));
        headers.put("dlt_stage", entry.stage().code());
        headers.put("dlt_reason", entry.reason());
        headers.put("dlt_exception_class", entry.errorType());
        putIfPresent(headers, "dlt_original_topic", entry.originTopic());
        putIfPresent(headers, "dlt_original_partition", entry.originPartition());
        putIfPresent(headers, "dlt_original_offset", entry.originOffset());
        String key = entry.originKey() == null ? entry.deadLetterId() : entry.originKey();
        return new OutgoingRecord(key, encode(entry), headers);
    }

    private static byte[] encode(DeadLetterEntry entry) {
        DeadLetter record = DeadLetter.newBuilder()
                .setDeadLetterId(entry.deadLetterId())
                .setStage(entry.stage().code())
                .setReason(entry.reason())
                .setErrorType(entry.errorType())
                .setOccurredAt(entry.createdAt())
                .setEventId(entry.eventId())
                .setOriginTopic(entry.originTopic())
                .setOriginPartition(entry.originPartition())
                .setOriginOffset(entry.originOffset())
                .setOriginKey(entry.originKey())
                .setPayloadContentType(entry.payloadContentType())
                .setPayload(ByteBuffer.wrap(entry.payload()))
                .build();
        try {
            return DeadLetter.getEncoder().encode(record).array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfPresent(Map<String, String> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value.toString());
        }
    }
}

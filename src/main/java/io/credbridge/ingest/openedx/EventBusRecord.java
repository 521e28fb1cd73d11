package io.credbridge.ingest.openedx;

import io.credbridge.deadletter.IngestDeadLetters;
import java.util.Map;

/**
 * One record as the event bus delivered it: where it was read, its headers (the CloudEvent envelope, {@code ce_*})
 * and its value (the event's data, Avro in the Confluent wire format).
 */
record EventBusRecord(String topic, int partition, long offset, Map<String, String> headers, byte[] value) {

    static final String TYPE = "ce_type";
    static final String ID = "ce_id";
    static final String TIME = "ce_time";
    static final String SOURCE = "ce_source";

    EventBusRecord {
        headers = Map.copyOf(headers);
        value = value == null ? new byte[0] : value;
    }

    String header(String name) {
        String value = headers.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The event type ce_type names, or a stand-in when it names none, for counting. */
    String eventName() {
        String type = header(TYPE);
        return type == null ? OpenEdxEventNormalizer.UNTYPED : type;
    }

    /** Where the record was read, e.g. {@code prod-learning-certificate-lifecycle-0@42}. */
    String position() {
        return topic + "-" + partition + "@" + offset;
    }

    /** The id of the record's dead letter: the same record read again is never filed twice. */
    String deadLetterId() {
        return IngestDeadLetters.idOf("openedx-event-bus", topic, String.valueOf(partition), String.valueOf(offset));
    }
}

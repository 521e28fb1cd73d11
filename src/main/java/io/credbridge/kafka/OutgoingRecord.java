package io.credbridge.kafka;

import java.util.Map;

/** A Kafka record to publish: key, serialized value and the headers that describe it (CloudEvents binary mode). */
public record OutgoingRecord(String key, byte[] value, Map<String, String> headers) {

    public OutgoingRecord {
        headers = Map.copyOf(headers);
    }
}

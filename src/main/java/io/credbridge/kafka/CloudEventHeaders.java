package io.credbridge.kafka;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel as {@code ce_*}
 * headers and the data (Avro) is the record value, so a consumer can route on headers without decoding.
 */
public final class CloudEventHeaders {

    public static final String AVRO = "application/avro";
    public static final String LEARNING_EVENT_TYPE = "io.credbridge.learning-event.v1";

    private CloudEventHeaders() {}

    public static Map<String, String> of(String id, String type, String source, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", type);
        headers.put("ce_source", source);
        headers.put("ce_time", time.toString());
        headers.put("content-type", AVRO);
        return headers;
    }
}

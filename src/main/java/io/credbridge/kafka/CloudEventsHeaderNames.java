package io.credbridge.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Restores the CloudEvents Kafka binding's exact header name {@code content-type} on every record CredBridge
 * produces. Camel (from 4.21) treats {@code Content-Type} as one of its own headers and sends it in that
 * spelling; Kafka header names are case-sensitive and CloudEvents readers look for {@code content-type}
 * only, so they would see no data content type.
 */
public final class CloudEventsHeaderNames implements ProducerInterceptor<Object, Object> {

    static final String CONTENT_TYPE = "content-type";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        rename(record.headers());
        return record;
    }

    static void rename(Headers headers) {
        Header misspelled = null;
        for (Header header : headers) {
            if (header.key().equalsIgnoreCase(CONTENT_TYPE) && !header.key().equals(CONTENT_TYPE)) {
                misspelled = header;
            }
        }
        if (misspelled != null) {
            headers.remove(misspelled.key());
            headers.remove(CONTENT_TYPE);
            headers.add(CONTENT_TYPE, misspelled.value());
        }
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // nothing to observe
    }

    @Override
    public void close() {
        // holds nothing
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // takes no settings
    }
}

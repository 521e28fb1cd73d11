package io.credbridge.ingest.openedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.deadletter.DeadLetterRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a record CredBridge cannot read in the dead-letter store, with its reason, before its offset is committed.
 * The payload keeps the whole record (topic, partition, offset, headers, and the value byte for byte in base64),
 * since the headers say what the value is; its id comes from where it was read, so a record read again after a
 * crash is not filed twice.
 */
class DeadLetteredRecords {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteredRecords.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeadLetterRecorder deadLetters;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeadLetteredRecords(DeadLetterRecorder deadLetters, TransactionTemplate transactions, Clock clock) {
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.clock = clock;
    }

    void setAside(OpenEdxDelivery delivery) {
        EventBusRecord record = delivery.record();
        DeadLetterEntry entry = DeadLetterEntry.ofIngest(
                record.deadLetterId(),
                OpenEdxEventNormalizer.SOURCE,
                record.topic(),
                record.partition() + "@" + record.offset(),
                delivery.unreadableBecause(),
                delivery.errorType(),
                payloadOf(record),
                clock.instant());
        if (Boolean.TRUE.equals(transactions.execute(status -> deadLetters.recordOnce(entry)))) {
            log.warn(
                    "Open edX record {} could not be read and is dead letter {}: {}",
                    record.position(),
                    record.deadLetterId(),
                    delivery.unreadableBecause());
        } else {
            log.info(
                    "Open edX record {} was read again; it is dead letter {} already",
                    record.position(),
                    record.deadLetterId());
        }
    }

    static byte[] payloadOf(EventBusRecord record) {
        ObjectNode payload = JSON.createObjectNode()
                .put("topic", record.topic())
                .put("partition", record.partition())
                .put("offset", record.offset());
        ObjectNode headers = payload.putObject("headers");
        new TreeMap<>(record.headers()).forEach(headers::put);
        payload.put("value", Base64.getEncoder().encodeToString(record.value()));
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    static EventBusRecord recordOf(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            Map<String, String> headers = new TreeMap<>();
            node.path("headers")
                    .properties()
                    .forEach(header ->
                            headers.put(header.getKey(), header.getValue().asText()));
            return new EventBusRecord(
                    node.path("topic").asText(),
                    node.path("partition").asInt(),
                    node.path("offset").asLong(),
                    headers,
                    Base64.getDecoder().decode(node.path("value").asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the dead letter is not an Open edX record as CredBridge files one: " + e, e);
        }
    }
}

package io.credbridge.ingest.openedx;

import io.credbridge.avro.LearningEvent;
import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.deadletter.IngestDeadLetters;
import io.credbridge.ingest.OneEventAnswer;
import io.credbridge.ops.CredBridgeMetrics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The event bus consumer's bean methods, in the order the route calls them: {@link #read} reads a poll's records;
 * the route publishes their LearningEvents and waits for Kafka's acknowledgement; only then {@link #acknowledge}
 * files the unreadable records as dead letters and counts what each became, and the route commits the poll's offsets.
 * A crash before the commit reads the poll again: the LearningEvents' ids make it count once, and each dead letter is
 * filed once.
 */
public class OpenEdxIngest {

    private final OpenEdxRecords reader;
    private final IngestDeadLetters deadLetters;
    private final OneEventAnswer counted;
    private final CredBridgeMetrics metrics;

    OpenEdxIngest(OpenEdxRecords reader, IngestDeadLetters deadLetters, CredBridgeMetrics metrics) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.counted = new OneEventAnswer(metrics, OpenEdxEventNormalizer.SOURCE);
        this.metrics = metrics;
    }

    /** Reads each record of a poll (Camel's batching consumer hands it over as one exchange per record). */
    public OpenEdxBatch read(List<Exchange> polled) {
        return new OpenEdxBatch(polled.stream()
                .map(exchange -> reader.read(recordOf(exchange.getMessage())))
                .toList());
    }

    /** Called once Kafka acknowledged the batch's LearningEvents, before the offsets are committed. */
    public void acknowledge(OpenEdxBatch batch) {
        for (OpenEdxDelivery delivery : batch.deliveries()) {
            if (delivery.isUnreadable()) {
                setAside(delivery);
                metrics.rejected(OpenEdxEventNormalizer.SOURCE, 1);
                metrics.sourceEvent(OpenEdxEventNormalizer.SOURCE, delivery.eventName(), "rejected");
            } else {
                String eventId = delivery.events().stream()
                        .findFirst()
                        .map(LearningEvent::getEventId)
                        .orElse(null);
                counted.to(delivery.eventName(), eventId, delivery.ignoredBecause());
            }
        }
    }

    /** Its id comes from where it was read, so a record read again after a crash is not filed twice. */
    private void setAside(OpenEdxDelivery delivery) {
        EventBusRecord record = delivery.record();
        deadLetters.setAside(
                "Open edX record " + record.position(),
                now -> DeadLetterEntry.ofIngest(
                        record.deadLetterId(),
                        OpenEdxEventNormalizer.SOURCE,
                        record.topic(),
                        record.partition() + "@" + record.offset(),
                        delivery.unreadableBecause(),
                        delivery.errorType(),
                        DeadLetteredRecords.payloadOf(record),
                        now));
    }

    static EventBusRecord recordOf(Message message) {
        Map<String, String> headers = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                headers.put(name, new String(bytes, StandardCharsets.UTF_8));
            } else if (value instanceof String text && !name.startsWith("kafka.") && !name.startsWith("Camel")) {
                headers.put(name, text);
            }
        });
        return new EventBusRecord(
                message.getHeader(KafkaConstants.TOPIC, String.class),
                message.getHeader(KafkaConstants.PARTITION, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, Long.class),
                headers,
                message.getBody(byte[].class));
    }
}

package io.credbridge.kafka;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/** Unwraps the exchanges of a batching Kafka consumer into plain records for the beans behind it. */
@Component("consumedRecords")
public class ConsumedRecords {

    public List<ConsumedRecord> from(List<Exchange> batch) {
        return batch.stream().map(ConsumedRecords::toRecord).toList();
    }

    private static ConsumedRecord toRecord(Exchange exchange) {
        Message message = exchange.getMessage();
        return new ConsumedRecord(
                message.getHeader(KafkaConstants.TOPIC, String.class),
                message.getHeader(KafkaConstants.PARTITION, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, Long.class),
                message.getHeader(KafkaConstants.KEY, String.class),
                message.getBody(byte[].class));
    }
}

package io.credbridge.kafka;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.springframework.stereotype.Component;

/**
 * Turns records into the message list Camel's Kafka producer sends as one batch: every record gets its own
 * key and headers, and the producer waits for the broker to acknowledge all of them before the route goes on.
 */
@Component("kafkaMessages")
public class KafkaMessages {

    public List<Message> of(List<OutgoingRecord> records, CamelContext camel) {
        return records.stream().map(record -> toMessage(record, camel)).toList();
    }

    private static Message toMessage(OutgoingRecord record, CamelContext camel) {
        Message message = new DefaultMessage(camel);
        message.setBody(record.value());
        message.setHeader(KafkaConstants.KEY, record.key());
        record.headers().forEach(message::setHeader);
        return message;
    }
}

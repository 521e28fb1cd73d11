package io.credbridge.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Commits a processed batch: for every partition in it, the offset after its last record, in one synchronous
 * commit. Camel's own batch commit only covers the partition of the batch's last record, and Kafka's
 * auto-commit could commit records Camel has polled but not yet processed (it accumulates polls into one
 * batch), which would lose them in a crash. Runs on the consumer's thread, after the batch's work is durable (the
 * award stage's database commit; the Open edX source's LearningEvents acknowledged by Kafka).
 */
@Component("kafkaBatchCommit")
public class KafkaBatchCommit {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public void commit(List<Exchange> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Consumer<?, ?> consumer = null;
        for (Exchange exchange : batch) {
            Object manual = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT);
            if (!(manual instanceof DefaultKafkaManualCommit commit)) {
                throw new IllegalStateException(
                        "A route whose Kafka consumer commits batches (award, ingest-openedx) must"
                                + " run with allowManualCommit=true"
                                + " and autoCommitEnable=false; record without " + KafkaConstants.MANUAL_COMMIT
                                + " header");
            }
            consumer = commit.getCamelExchangePayload().consumer;
            offsets.merge(
                    commit.getPartition(),
                    new OffsetAndMetadata(commit.getRecordOffset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        if (consumer != null) {
            consumer.commitSync(offsets, TIMEOUT);
        }
    }
}

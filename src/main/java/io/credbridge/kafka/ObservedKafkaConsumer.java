package io.credbridge.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A Kafka consumer that reports its group membership, partitions and lag to {@link ConsumerProgress} after each
 * poll, on its own thread: Camel owns the consumer and its rebalance listener, and a consumer may not be asked
 * from another thread.
 */
class ObservedKafkaConsumer<K, V> extends KafkaConsumer<K, V> {

    private final ConsumerProgress progress;
    private final String groupId;
    private final String clientId;
    private final Clock clock;

    ObservedKafkaConsumer(Properties properties, ConsumerProgress progress, Clock clock) {
        super(properties);
        this.progress = progress;
        this.groupId = properties.getProperty(ConsumerConfig.GROUP_ID_CONFIG);
        this.clientId = String.valueOf(
                properties.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, "consumer-" + System.identityHashCode(this)));
        this.clock = clock;
    }

    @Override
    public ConsumerRecords<K, V> poll(Duration timeout) {
        ConsumerRecords<K, V> records = super.poll(timeout);
        report();
        return records;
    }

    @Override
    public void close(org.apache.kafka.clients.consumer.CloseOptions option) {
        progress.forget(groupId, clientId);
        super.close(option);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void close(Duration timeout) {
        progress.forget(groupId, clientId);
        super.close(timeout);
    }

    @Override
    public void close() {
        progress.forget(groupId, clientId);
        super.close();
    }

    private void report() {
        List<TopicPartition> assigned = List.copyOf(assignment());
        Long lag = 0L;
        for (TopicPartition partition : assigned) {
            OptionalLong behind = currentLag(partition);
            if (behind.isEmpty()) {
                lag = null;
                break;
            }
            lag += behind.getAsLong();
        }
        progress.report(
                groupId,
                clientId,
                new ConsumerProgress.Snapshot(
                        groupMetadata().generationId(),
                        assigned.stream().map(TopicPartition::toString).sorted().toList(),
                        lag,
                        clock.instant()));
    }
}

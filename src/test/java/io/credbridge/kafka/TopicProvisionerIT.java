package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.TestKafkaBroker;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TopicProvisionerIT {

    private static final int PARTITIONS = 6;

    private final String brokers = TestKafkaBroker.bootstrapServers();

    @Test
    void createsTheMissingTopicsWithTheConfiguredPartitions() throws Exception {
        TopicsProperties topics = uniqueTopics();

        new TopicProvisioner(brokers, topics, KafkaClientProperties.none()).createMissingTopics();
        new TopicProvisioner(brokers, topics, KafkaClientProperties.none())
                .createMissingTopics(); // a second start finds them and is content

        try (Admin admin = admin()) {
            var described = admin.describeTopics(
                            Set.of(topics.learningEvents(), topics.badgeIssuance(), topics.deadLetter()))
                    .allTopicNames()
                    .get();
            assertThat(described.values())
                    .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(PARTITIONS));
        }
    }

    /**
     * Without the wait for serving leaders, most rounds lose records here: the producer's first request to a
     * partition meets NOT_LEADER_OR_FOLLOWER, the next is accepted, and the first then fails with
     * OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (25 of 30 rounds on Kafka 4.3.1).
     */
    @Test
    void anIdempotentBurstRightAfterProvisioningLosesNoRecord() throws Exception {
        int lost = 0;
        for (int round = 0; round < 10; round++) {
            TopicsProperties topics = uniqueTopics();
            new TopicProvisioner(brokers, topics, KafkaClientProperties.none()).createMissingTopics();
            lost += burst(topics.badgeIssuance());
        }
        assertThat(lost).isZero();
    }

    private int burst(String topic) {
        AtomicInteger failed = new AtomicInteger();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.BATCH_SIZE_CONFIG,
                2048,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            for (int i = 0; i < 300; i++) {
                producer.send(new ProducerRecord<>(topic, i % PARTITIONS, null, new byte[600]), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        return failed.get();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    private static TopicsProperties uniqueTopics() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return new TopicsProperties(
                "learning-" + run, "badges-" + run, "dead-letters-" + run, true, PARTITIONS, (short) 1);
    }
}

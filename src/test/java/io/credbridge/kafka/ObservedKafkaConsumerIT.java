package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.credbridge.testsupport.TestKafkaBroker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ObservedKafkaConsumerIT {

    private final String brokers = TestKafkaBroker.bootstrapServers();
    private final String topic = "observed-" + UUID.randomUUID();
    private final String group = "observed-group-" + UUID.randomUUID();
    private final ConsumerProgress progress = new ConsumerProgress();

    @Test
    void reportsItsGroupPartitionsAndLagAfterEachPollAndIsForgottenWhenClosed() throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            TopicProvisioner.awaitServed(admin, List.of(topic), Duration.ofSeconds(30));
        }
        try (KafkaProducer<String, String> producer = KafkaTestSupport.producer(brokers)) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "key", "value-" + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "observed-1");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        ObservedKafkaConsumer<String, String> consumer =
                new ObservedKafkaConsumer<>(properties, progress, Clock.systemUTC());
        consumer.subscribe(List.of(topic));

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !progress.of(group).isEmpty() && progress.of(group).get(0).joined();
        });
        ConsumerProgress.Snapshot joined = progress.of(group).get(0);
        assertThat(joined.partitions()).containsExactly(topic + "-0", topic + "-1");
        // The lag is unknown (null) until the consumer knows its positions; it reaches 0 once all three are read.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return Long.valueOf(0).equals(progress.of(group).get(0).lag());
        });

        consumer.close();

        assertThat(progress.of(group)).isEmpty();
    }
}

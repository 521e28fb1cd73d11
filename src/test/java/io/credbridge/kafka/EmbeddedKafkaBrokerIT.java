package io.credbridge.kafka;

import static io.credbridge.kafka.KafkaTestSupport.consumer;
import static io.credbridge.kafka.KafkaTestSupport.freePort;
import static io.credbridge.kafka.KafkaTestSupport.nonDaemonThreads;
import static io.credbridge.kafka.KafkaTestSupport.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedKafkaBrokerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void aRecordSentByAPlainProducerIsReadByAPlainConsumer() throws Exception {
        try (EmbeddedKafkaBroker broker = startedBroker(freePort(), freePort())) {
            send(broker, "greetings", "learner-1", "hello");

            try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers(), "reader")) {
                consumer.subscribe(List.of("greetings"));
                assertThat(readValues(consumer, 1)).containsExactly("hello");
            }
        }
    }

    @Test
    void recordsAndCommittedOffsetsSurviveARestartOnTheSameDirectory() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        TopicPartition partition = new TopicPartition("durable", 0);
        try (EmbeddedKafkaBroker broker = startedBroker(port, controllerPort)) {
            send(broker, partition, "first");
            send(broker, partition, "second");
            try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers(), "awarder")) {
                consumer.assign(List.of(partition));
                assertThat(readValues(consumer, 2)).containsExactly("first", "second");
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(1)));
            }
        }
        assertThat(dataDir.resolve("meta.properties")).exists();

        try (EmbeddedKafkaBroker restarted = startedBroker(port, controllerPort);
                Admin admin = admin(restarted)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("awarder")
                    .partitionsToOffsetAndMetadata()
                    .get();
            assertThat(committed.get(partition).offset()).isEqualTo(1);

            try (KafkaConsumer<String, String> resumed = consumer(restarted.bootstrapServers(), "awarder")) {
                resumed.subscribe(List.of("durable"));
                assertThat(readValues(resumed, 1)).containsExactly("second");
            }
            try (KafkaConsumer<String, String> fresh = consumer(restarted.bootstrapServers(), "newcomer")) {
                fresh.subscribe(List.of("durable"));
                assertThat(readValues(fresh, 2)).containsExactly("first", "second");
            }
        }
    }

    @Test
    void aSecondBrokerOnATakenPortFailsNamingThePortAndLeavesNoThreadsBehind() throws Exception {
        int port = freePort();
        try (EmbeddedKafkaBroker first = startedBroker(port, freePort())) {
            Set<Thread> before = nonDaemonThreads();
            EmbeddedKafkaBroker second = new EmbeddedKafkaBroker(
                    EmbeddedKafkaProperties.of(Files.createDirectory(dataDir.resolve("second")), port, freePort()));

            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port + " is in use")
                    .hasMessageContaining("credbridge.embedded-kafka.port")
                    .hasMessageNotContaining("credbridge.embedded-kafka.controller-port");
            assertThat(threadsStartedSince(before))
                    .as("non-daemon threads left running")
                    .isEmpty();
            assertThat(second.isRunning()).isFalse();
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void aTakenControllerPortIsNamedWithItsPropertyAndLeavesNoThreadsBehind() throws Exception {
        try (ServerSocket occupant = new ServerSocket(0)) {
            int controllerPort = occupant.getLocalPort();
            Set<Thread> before = nonDaemonThreads();
            EmbeddedKafkaBroker broker =
                    new EmbeddedKafkaBroker(EmbeddedKafkaProperties.of(dataDir, freePort(), controllerPort));

            assertThatThrownBy(broker::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + controllerPort + " is in use")
                    .hasMessageContaining("credbridge.embedded-kafka.controller-port");
            assertThat(threadsStartedSince(before))
                    .as("non-daemon threads left running")
                    .isEmpty();
        }
    }

    private EmbeddedKafkaBroker startedBroker(int port, int controllerPort) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaProperties.of(dataDir, port, controllerPort));
        broker.start();
        return broker;
    }

    private static void send(EmbeddedKafkaBroker broker, String topic, String key, String value) throws Exception {
        send(broker, new ProducerRecord<>(topic, key, value));
    }

    private static void send(EmbeddedKafkaBroker broker, TopicPartition partition, String value) throws Exception {
        send(broker, new ProducerRecord<>(partition.topic(), partition.partition(), "learner-1", value));
    }

    private static void send(EmbeddedKafkaBroker broker, ProducerRecord<String, String> record) throws Exception {
        try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
            producer.send(record).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static List<String> readValues(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new ArrayList<>();
        await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.value());
            }
            return values.size() >= count;
        });
        return values;
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static List<String> threadsStartedSince(Set<Thread> before) {
        Set<Thread> now = new HashSet<>(nonDaemonThreads());
        now.removeAll(before);
        return now.stream().map(Thread::getName).sorted().toList();
    }
}

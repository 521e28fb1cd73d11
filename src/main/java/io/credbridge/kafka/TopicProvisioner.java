package io.credbridge.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates CredBridge's topics when they are missing, and returns only once every partition's leader serves
 * it, before any route produces to or consumes from them.
 *
 * <p>Why wait: a broker announces a new partition's leader before that leader hosts the partition. An
 * idempotent producer whose first request meets that gap (NOT_LEADER_OR_FOLLOWER) while its next request to
 * the same partition is accepted retries the first one with OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery
 * timeout, and those records are lost to that send (KAFKA-15591, fixed in the broker from Kafka 4.5). A
 * partition that answers ListOffsets from its leader is past that gap.
 */
public final class TopicProvisioner {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECHECK = Duration.ofMillis(50);

    private final String bootstrapServers;
    private final TopicsProperties topics;
    private final KafkaClientProperties clients;

    public TopicProvisioner(String bootstrapServers, TopicsProperties topics, KafkaClientProperties clients) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.clients = clients;
    }

    public void createMissingTopics() {
        Properties config = clients.over(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis()));
        List<String> names = List.of(topics.learningEvents(), topics.badgeIssuance(), topics.deadLetter()).stream()
                .distinct()
                .toList();
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, topics.partitions(), topics.replicationFactor())
                            .configs(Map.of("min.insync.replicas", "1")))
                    .toList();
            if (!missing.isEmpty()) {
                create(admin, missing);
                awaitServed(admin, missing.stream().map(NewTopic::name).toList(), TIMEOUT);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot create CredBridge's topics on " + bootstrapServers + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT.toSeconds()
                            + " s; check camel.component.kafka.brokers",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    private static void create(Admin admin, List<NewTopic> missing)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(missing).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * Returns once every partition of the topics answers ListOffsets from its leader; retries while the cluster
     * still says the topic or its leader is unknown.
     *
     * @throws TimeoutException if that takes longer than {@code timeout}
     */
    public static void awaitServed(Admin admin, Collection<String> names, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described =
                        admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                admin.listOffsets(latestOffsetOfEveryPartition(described))
                        .all()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + names + " still have no serving leader");
            }
            Thread.sleep(RECHECK.toMillis());
        }
    }

    private static Map<TopicPartition, OffsetSpec> latestOffsetOfEveryPartition(Map<String, TopicDescription> topics) {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        topics.values()
                .forEach(topic -> topic.partitions()
                        .forEach(partition -> query.put(
                                new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        return query;
    }
}

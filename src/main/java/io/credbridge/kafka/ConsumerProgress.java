package io.credbridge.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What each consumer group's consumers in this instance last saw: whether they have joined their group, which
 * partitions they hold and how far behind they are. A Kafka consumer may only be touched by the thread that polls
 * it, so the consumers report here after each poll and health checks read the report.
 */
@Component
public class ConsumerProgress {

    private final Map<String, Map<String, Snapshot>> byGroup = new ConcurrentHashMap<>();

    /** The latest report of each consumer of the group in this instance; empty before any has polled. */
    public List<Snapshot> of(String groupId) {
        return List.copyOf(byGroup.getOrDefault(groupId, Map.of()).values());
    }

    public void report(String groupId, String clientId, Snapshot snapshot) {
        byGroup.computeIfAbsent(groupId, group -> new ConcurrentHashMap<>()).put(clientId, snapshot);
    }

    void forget(String groupId, String clientId) {
        Map<String, Snapshot> consumers = byGroup.get(groupId);
        if (consumers != null) {
            consumers.remove(clientId);
        }
    }

    /**
     * One consumer after one poll.
     *
     * @param generation the group generation it joined; negative while it has not joined (yet, or any more)
     * @param partitions the partitions it holds, as {@code topic-partition}
     * @param lag records behind the end of its partitions, as far as its fetch positions know; null when unknown
     */
    public record Snapshot(int generation, List<String> partitions, Long lag, Instant polledAt) {

        public boolean joined() {
            return generation >= 0;
        }
    }
}

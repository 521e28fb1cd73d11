package io.credbridge.ingest.backfill;

import io.credbridge.avro.LearningEvent;
import io.credbridge.ingest.LearningEventRecords;
import io.credbridge.jdbc.VarcharArray;
import io.credbridge.kafka.KafkaClientProperties;
import io.credbridge.kafka.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a batch of backfilled events to the learning-events topic, as the live sources' records (same key, value
 * and CloudEvents headers), leaving out every event a backfill already sent. The batch's new ids are inserted into
 * {@code backfill_event} in a transaction that commits only once Kafka acknowledged every event: a crash before
 * that leaves them unrecorded, so a re-run sends them again (the award stage takes each event id once), and a
 * crash after it leaves them recorded, so a re-run counts them as duplicates.
 */
@Component
public class BackfillPublisher {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LearningEventRecords records;
    private final KafkaClientProperties clusterSettings;
    private final BackfillProperties.Producer tuning;
    private final String brokers;
    private final String topic;

    BackfillPublisher(
            NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transactions,
            LearningEventRecords records,
            KafkaClientProperties clusterSettings,
            BackfillProperties properties,
            @Value("${camel.component.kafka.brokers}") String brokers,
            @Value("${credbridge.topics.learning-events}") String topic) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.records = records;
        this.clusterSettings = clusterSettings;
        this.tuning = properties.producer();
        this.brokers = brokers;
        this.topic = topic;
    }

    /**
     * The settings of the backfill's producer: acknowledged by every in-sync replica, idempotent, and batching as
     * the configuration says. Public so that the backfill benchmark's baseline producer is tuned the same.
     */
    public static Map<String, Object> producerSettings(String brokers, BackfillProperties.Producer tuning) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, tuning.lingerMs());
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, tuning.batchBytes());
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, tuning.compressionType());
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return settings;
    }

    Producer<String, byte[]> open() {
        return new KafkaProducer<>(
                clusterSettings.over(producerSettings(brokers, tuning)),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** @return how many of the events were left out because a backfill had sent them already */
    int publish(Producer<String, byte[]> producer, List<LearningEvent> events) {
        Map<String, LearningEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.getEventId(), event));
        int repeatedInBatch = events.size() - byId.size();
        Integer alreadySent = transactions.execute(status -> {
            Set<String> known = new HashSet<>();
            jdbc.query(
                    "select event_id from backfill_event where event_id = any(:ids)",
                    Map.of("ids", VarcharArray.of(byId.keySet())),
                    row -> {
                        known.add(row.getString(1));
                    });
            List<LearningEvent> fresh = new ArrayList<>(byId.size());
            byId.values().stream()
                    .filter(event -> !known.contains(event.getEventId()))
                    .forEach(fresh::add);
            if (!fresh.isEmpty()) {
                jdbc.batchUpdate(
                        "insert into backfill_event (event_id) values (:id) on conflict do nothing",
                        fresh.stream()
                                .map(event -> new MapSqlParameterSource("id", event.getEventId()))
                                .toArray(SqlParameterSource[]::new));
                send(producer, records.of(fresh));
            }
            return known.size();
        });
        return repeatedInBatch + (alreadySent == null ? 0 : alreadySent);
    }

    /** Sends every record and waits until Kafka has them all; any failure fails the batch. */
    private void send(Producer<String, byte[]> producer, List<OutgoingRecord> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutgoingRecord record : batch) {
            RecordHeaders headers = new RecordHeaders();
            record.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            sends.add(producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka acknowledged a backfill batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka did not take a backfill batch: " + e.getCause().getMessage(), e);
        }
    }
}

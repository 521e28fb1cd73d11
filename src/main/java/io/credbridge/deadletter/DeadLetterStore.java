package io.credbridge.deadletter;

import io.credbridge.jdbc.VarcharArray;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

@Repository
class DeadLetterStore {

    private final NamedParameterJdbcTemplate jdbc;

    public DeadLetterStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<DeadLetterEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = entries.stream()
                .map(entry -> new MapSqlParameterSource()
                        .addValue("id", entry.deadLetterId())
                        .addValue("stage", entry.stage().name())
                        .addValue("reason", truncate(entry.reason(), 2000))
                        .addValue("errorType", truncate(entry.errorType(), 255))
                        .addValue("eventId", entry.eventId())
                        .addValue("source", entry.source())
                        .addValue("originTopic", entry.originTopic())
                        .addValue("originPartition", entry.originPartition())
                        .addValue("originOffset", entry.originOffset())
                        .addValue("originKey", entry.originKey())
                        .addValue("contentType", entry.payloadContentType())
                        .addValue("payload", entry.payload())
                        .addValue("createdAt", Timestamp.from(entry.createdAt())))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(
                "insert into dead_letter (dead_letter_id, stage, reason, error_type, event_id, source,"
                        + " origin_topic, origin_partition, origin_offset, origin_key, payload_content_type, payload,"
                        + " created_at, status, replay_count) values (:id, :stage, :reason, :errorType, :eventId, :source,"
                        + " :originTopic, :originPartition, :originOffset, :originKey, :contentType, :payload, :createdAt,"
                        + " 'NEW', 0)",
                rows);
    }

    public Optional<DeadLetterEntry> find(String deadLetterId) {
        return jdbc
                .query(
                        "select * from dead_letter where dead_letter_id = :id",
                        Map.of("id", deadLetterId),
                        DeadLetterStore::toEntry)
                .stream()
                .findFirst();
    }

    public List<DeadLetterEntry> findAll(List<String> deadLetterIds) {
        if (deadLetterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "select * from dead_letter where dead_letter_id = any(:ids) order by created_at",
                Map.of("ids", VarcharArray.of(deadLetterIds)),
                DeadLetterStore::toEntry);
    }

    public List<DeadLetterEntry> list(DeadLetterEntry.Status status, int limit) {
        return jdbc.query(
                "select * from dead_letter where status = :status order by created_at desc limit :limit",
                Map.of("status", status.name(), "limit", limit),
                DeadLetterStore::toEntry);
    }

    /** Marks a new dead letter replayed; false when it was not new (a concurrent or earlier replay won). */
    public boolean markReplayed(String deadLetterId, Instant now) {
        return jdbc.update(
                        "update dead_letter set status = 'REPLAYED', replayed_at = :now,"
                                + " replay_count = replay_count + 1 where dead_letter_id = :id and status = 'NEW'",
                        Map.of("id", deadLetterId, "now", Timestamp.from(now)))
                == 1;
    }

    /** Undoes {@link #markReplayed} when the replay could not be published: the dead letter is new again. */
    public void reopen(String deadLetterId) {
        jdbc.update(
                "update dead_letter set status = 'NEW', replayed_at = null, replay_count = replay_count - 1"
                        + " where dead_letter_id = :id and status = 'REPLAYED'",
                Map.of("id", deadLetterId));
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }

    private static DeadLetterEntry toEntry(ResultSet row, int index) throws SQLException {
        Timestamp replayedAt = row.getTimestamp("replayed_at");
        return new DeadLetterEntry(
                row.getString("dead_letter_id"),
                Stage.valueOf(row.getString("stage")),
                row.getString("reason"),
                row.getString("error_type"),
                row.getString("event_id"),
                row.getString("source"),
                row.getString("origin_topic"),
                row.getObject("origin_partition", Integer.class),
                row.getObject("origin_offset", Long.class),
                row.getString("origin_key"),
                row.getString("payload_content_type"),
                row.getBytes("payload"),
                row.getTimestamp("created_at").toInstant(),
                DeadLetterEntry.Status.valueOf(row.getString("status")),
                replayedAt == null ? null : replayedAt.toInstant());
    }
}

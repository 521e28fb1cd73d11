package io.credbridge.transcript;

import io.credbridge.jdbc.VarcharArray;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The entries delivered in files that wait for the SIS's acknowledgement, and the acknowledgement files applied. */
@Repository
class TranscriptAcknowledgementStore {

    static final String SENT = "SENT";
    static final String WRITTEN = "WRITTEN";
    static final String REJECTED = "REJECTED";

    /** A delivered entry: its status and the award change it carried. */
    record Sent(String entryKey, String status, String payload) {}

    private final NamedParameterJdbcTemplate jdbc;

    TranscriptAcknowledgementStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the entry as sent (again, after a resubmit), waiting for its acknowledgement. */
    void sent(String entryKey, String awardId, String payload, Instant at) {
        MapSqlParameterSource values = new MapSqlParameterSource()
                .addValue("key", entryKey)
                .addValue("award", awardId)
                .addValue("payload", payload)
                .addValue("at", Timestamp.from(at));
        int updated = jdbc.update(
                "update transcript_acknowledgement set status = 'SENT', payload = :payload, sis_message = null,"
                        + " ack_file = null, sent_at = :at, acknowledged_at = null where entry_key = :key",
                values);
        if (updated == 0) {
            jdbc.update(
                    "insert into transcript_acknowledgement (entry_key, award_id, status, payload, sent_at)"
                            + " values (:key, :award, 'SENT', :payload, :at)",
                    values);
        }
    }

    /** Of these entries, those delivered and not refused: waiting for their acknowledgement, or loaded. */
    Set<String> sentOrWritten(Collection<String> entryKeys) {
        if (entryKeys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList(
                "select entry_key from transcript_acknowledgement where entry_key = any(:keys)"
                        + " and status in ('SENT', 'WRITTEN')",
                Map.of("keys", VarcharArray.of(entryKeys)),
                String.class));
    }

    Optional<Sent> find(String entryKey) {
        return jdbc
                .query(
                        "select entry_key, status, payload from transcript_acknowledgement where entry_key = :key",
                        Map.of("key", entryKey),
                        (row, index) ->
                                new Sent(row.getString("entry_key"), row.getString("status"), row.getString("payload")))
                .stream()
                .findFirst();
    }

    /** Moves a SENT entry to WRITTEN or REJECTED; false when it is not waiting (acknowledged before). */
    boolean acknowledged(String entryKey, String status, String sisMessage, String ackFile, Instant at) {
        return jdbc.update(
                        "update transcript_acknowledgement set status = :status, sis_message = :message,"
                                + " ack_file = :file, acknowledged_at = :at where entry_key = :key and status = 'SENT'",
                        new MapSqlParameterSource()
                                .addValue("status", status)
                                .addValue("message", truncate(sisMessage))
                                .addValue("file", ackFile)
                                .addValue("at", Timestamp.from(at))
                                .addValue("key", entryKey))
                == 1;
    }

    boolean fileApplied(String fileName, String sha256) {
        Long count = jdbc.queryForObject(
                "select count(*) from transcript_acknowledgement_file where file_name = :name and sha256 = :sha",
                Map.of("name", fileName, "sha", sha256),
                Long.class);
        return count != null && count > 0;
    }

    void fileApplied(String fileName, String sha256, int accepted, int rejected, int unknown, Instant at) {
        jdbc.update(
                "insert into transcript_acknowledgement_file (file_name, sha256, accepted_count, rejected_count,"
                        + " unknown_count, applied_at) values (:name, :sha, :accepted, :rejected, :unknown, :at)",
                new MapSqlParameterSource()
                        .addValue("name", fileName)
                        .addValue("sha", sha256)
                        .addValue("accepted", accepted)
                        .addValue("rejected", rejected)
                        .addValue("unknown", unknown)
                        .addValue("at", Timestamp.from(at)));
    }

    long count(String status) {
        Long count = jdbc.queryForObject(
                "select count(*) from transcript_acknowledgement where status = :status",
                Map.of("status", status),
                Long.class);
        return count == null ? 0 : count;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
